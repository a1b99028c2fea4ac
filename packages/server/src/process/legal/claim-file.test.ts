import { it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveBusinessRules } from '@collectkit/sdk';
import { caseBody, createdCase, danishDebtor, invoice, operatorToken } from '../../http/case-test-fixtures.js';
import { PDF } from '../../http/document-fixtures.js';
import { describeEachDatabase, type TestServer } from '../../testing/harness.js';
import { call } from '../../testing/http-client.js';
import { enrolActiveMember } from '../../testing/members.js';
import { readPdfText } from '../letters/pdf-text.js';
import { createDunningScheduler } from '../scheduler/dunning-scheduler.js';

const norwegianDebtor = { type: 'business', name: 'Nordmann Transport AS', country: 'NO', address: { lines: ['Storgata 1'], postalCode: '0155', city: 'Oslo', country: 'NO' } };
const swedishDebtor = {
  type: 'business',
  name: 'Svensson Åkeri AB',
  country: 'SE',
  nationalId: '5560125790',
  address: { lines: ['Hamngatan 3'], postalCode: '411 06', city: 'Göteborg', country: 'SE' },
};

async function eventsOf(s: TestServer, caseId: string): Promise<{ type: string; data: Record<string, any> }[]> {
  return s.db.query('SELECT type, data FROM events WHERE case_id = $1 ORDER BY id', [caseId]);
}

describeEachDatabase('claim file of the legal step', (server) => {
  it('DK: the scheduler starts the legal step with a betalingspåkrav as a case document; NO: an event asks for manual preparation', async () => {
    const s = server();
    s.clock.set(new Date('2026-03-03T08:00:00Z'));
    const a = await s.association();
    const member = await enrolActiveMember(s.url, a.secretKey);
    // The worked example: invoice F-1001, DKK 10,000.00 due 2026-01-15, to a Danish company with its CVR.
    const dk = await createdCase(s.url, member.token, caseBody({ debtor: { ...danishDebtor(), nationalId: '12345674' } }));
    const no = await createdCase(s.url, member.token, caseBody({ debtor: norwegianDebtor, invoices: [invoice('N-1', 1_000_000, 'NOK')] }));
    const scheduler = createDunningScheduler({ db: s.db, clock: s.clock, rulesFor: async () => resolveBusinessRules({ legalAfterDaysInCollection: 10 }) });
    const approved = new Set<string>();
    for (let day = 0; day <= 45; day++) {
      assert.equal((await scheduler.runOnce()).failed, 0);
      // The creditor approves legal action once it is asked (secret key: the member's session would have expired).
      for (const c of [dk, no]) {
        if (approved.has(c.id) || !(await eventsOf(s, c.id)).some((e) => e.type === 'legal_approval.requested')) continue;
        const estimate = await call(s.url, 'GET', `/v1/cases/${c.id}/legal-estimate`, { bearer: a.secretKey });
        const ok = await call(s.url, 'POST', `/v1/cases/${c.id}/legal-approval`, { bearer: a.secretKey, body: { approve: true, estimateVersion: estimate.json.version } });
        assert.equal(ok.status, 200, JSON.stringify(ok.json));
        approved.add(c.id);
      }
      s.clock.advance({ days: 1 });
    }

    // DK: reminder 03-03, inkassovarsel 03-13 (pay by 03-23), collection 03-24, approval asked 04-03, legal step 04-04.
    const dkEvents = await eventsOf(s, dk.id);
    const started = dkEvents.find((e) => e.type === 'legal.started');
    assert.equal(started?.data.on, '2026-04-04');
    const claimFile = dkEvents.find((e) => e.type === 'legal.claim_file')!;
    assert.deepEqual([claimFile.data.on, claimFile.data.kind, claimFile.data.authority, claimFile.data.language], ['2026-04-04', 'betalingspaakrav', 'fogedret', 'da']);
    assert.equal(dkEvents.some((e) => e.type === 'legal.manual_preparation'), false);

    // The document is the case's, for the member (here through the secret key) as for the operator.
    const documents = await call(s.url, 'GET', `/v1/cases/${dk.id}/documents`, { bearer: a.secretKey });
    const document = documents.json.data.find((d: { id: string }) => d.id === claimFile.data.documentId);
    assert.equal(document.mediaType, 'application/pdf');
    assert.match(document.filename, /^betalingspaakrav-.+-2026-04-04\.pdf$/);
    const pdf = await call(s.url, 'GET', document.url, { bearer: a.secretKey });
    assert.equal(pdf.status, 200);
    const text = (await readPdfText(pdf.bytes)).text.replace(/ \n/g, '\n');

    assert.match(text, /Betalingspåkrav/);
    assert.match(text, /retsplejeloven § 477 ff\. \(indgives via minretssag\.dk\)/);
    // Applicant, its representative, the respondent with CVR and address.
    assert.match(text, /Fordringshaver \(sagsøger\)\nJensens Autoværksted ApS\nCVR-nr\.: 13748136\nVærkstedsvej 12, 8000 Aarhus C, DK/);
    assert.match(text, /Collectkit Demo Inkasso ApS\nCVR 12345674/);
    assert.match(text, /Skyldner \(sagsøgte\)\nHansen Biler A\/S\nCVR-nr\.: 12345674\nIndustrivej 4, 7100 Vejle, DK/);
    // The claim per invoice.
    assert.match(text, /Faktura F-1001, udstedt 1\. januar 2026, forfald 15\. januar 2026 +10\.000,00 kr\./);
    // Interest: renteloven § 5, 9.75 % in 2026 H1 (RULES.md §4) from the day after the due date.
    assert.match(text, /Morarente efter renteloven § 5 stk\. 1 \(Nationalbankens udlånsrente \+ 8 procentpoint\): p\.t\. 9,75 % p\.a\./);
    assert.match(text, /Faktura F-1001: renter af 10\.000,00 kr\. fra 16\. januar 2026/);
    // 2026-01-16 … 2026-04-03 is 78 days: 1,000,000 × 9.75 % × 78 / 365 = 20,835.62 → DKK 208.36.
    assert.match(text, /Påløbne renter 9,75 % p\.a\., 16\. januar 2026 til 3\. april 2026 · F-1001 +208,36 kr\./);
    // Costs, each with its basis.
    assert.match(text, /Rykkergebyr \(3\. marts 2026\) +100,00 kr\.\nHjemmel: renteloven § 9 b, stk\. 1–2\n/);
    assert.match(text, /Inkassoomkostninger \(24\. marts 2026\) +1\.300,00 kr\.\nHjemmel: BEK nr\. 601\/2002, bilag 1 \(BEK nr\. 476\/2016\)\n/);
    assert.match(text, /Kompensationsbeløb \(24\. marts 2026\) · F-1001 +310,00 kr\.\nHjemmel: renteloven § 9 a, stk\. 3\n/);
    // No Danish court fee is in RULES.md: to be determined, never a figure.
    assert.match(text, /Retsafgift for betalingspåkrav +fastsættes senere/);
    // The inkassovarsel with its date and deadline (inkassoloven § 10).
    assert.match(text, /inkassovarsel efter inkassoloven § 10 sendt 13\. marts 2026 med betalingsfrist 23\. marts 2026/);
    assert.match(text, /Ingen indbetalinger modtaget\./);
    // 10,000.00 + 100.00 + 1,300.00 + 310.00 + 208.36 = 11,918.36.
    assert.match(text, /Krav i alt pr\. opgørelsesdagen +11\.918,36 kr\./);
    assert.deepEqual(claimFile.data.total, { amount: 1_191_836, currency: 'DKK' });

    // NO: no claim file; the legal step needs preparing by hand, and the route says not_supported.
    const noEvents = await eventsOf(s, no.id);
    assert.ok(noEvents.some((e) => e.type === 'legal.started'));
    assert.equal(noEvents.find((e) => e.type === 'legal.manual_preparation')?.data.country, 'NO');
    assert.equal(noEvents.some((e) => e.type === 'legal.claim_file'), false);
    const operator = await operatorToken(s, a);
    const refused = await call(s.url, 'POST', `/v1/cases/${no.id}/claim-file`, { bearer: operator });
    assert.equal(refused.status, 422);
    assert.equal(refused.json.error.code, 'not_supported');

    // The creditor adds the invoice's PDF; the operator regenerates the DK file as of today: a new document that
    // lists the invoice as attached (and not the old claim file); GET downloads the latest.
    const form = new FormData();
    form.append('kind', 'invoice');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'faktura-F-1001.pdf');
    const uploaded = await fetch(`${s.url}/v1/cases/${dk.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${a.secretKey}` }, body: form });
    assert.equal(uploaded.status, 201);
    const again = await call(s.url, 'POST', `/v1/cases/${dk.id}/claim-file`, { bearer: operator });
    assert.equal(again.status, 201, JSON.stringify(again.json));
    assert.notEqual(again.json.documentId, claimFile.data.documentId);
    assert.equal(again.json.asOf, s.clock.today());
    const latest = await call(s.url, 'GET', `/v1/cases/${dk.id}/claim-file`, { bearer: operator });
    assert.equal(latest.status, 200);
    assert.equal(latest.headers.get('content-type'), 'application/pdf');
    const latestText = (await readPdfText(latest.bytes)).text.replace(/ \n/g, '\n');
    assert.match(latestText, /Bilag\n1\. faktura-F-1001\.pdf\n2\. Rykkere og inkassovarsel/);
    assert.doesNotMatch(latestText, /betalingspaakrav-/);
    assert.equal((await call(s.url, 'POST', `/v1/cases/${dk.id}/claim-file`, { bearer: a.secretKey })).status, 403);
  });

  it('SE: an ansökan om betalningsföreläggande in Swedish with Kronofogden\'s fees, the inkassokrav and payments received', async () => {
    const s = server();
    s.clock.set(new Date('2026-03-03T08:00:00Z'));
    const a = await s.association();
    const member = await enrolActiveMember(s.url, a.secretKey);
    const se = await createdCase(s.url, member.token, caseBody({ debtor: swedishDebtor, invoices: [invoice('S-1', 1_000_000, 'SEK')] }));
    const scheduler = createDunningScheduler({ db: s.db, clock: s.clock });
    for (let day = 0; day <= 20; day++) {
      await scheduler.runOnce();
      s.clock.advance({ days: 1 });
    }
    // Now 2026-03-24: collection started 03-22. A part payment of SEK 1,000 on 03-24.
    const operator = await operatorToken(s, a);
    const paid = await call(s.url, 'POST', `/v1/cases/${se.id}/payments`, { bearer: operator, body: { amount: { amount: 100_000, currency: 'SEK' }, receivedOn: '2026-03-24', method: 'bank_transfer' } });
    assert.equal(paid.status, 201, JSON.stringify(paid.json));
    // Before collection there is nothing to file; the operator moves the case to legal and generates the file.
    const moved = await call(s.url, 'POST', `/v1/cases/${se.id}/stage`, { bearer: operator, body: { stage: 'legal', reason: 'enforcement' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.json));
    const created = await call(s.url, 'POST', `/v1/cases/${se.id}/claim-file`, { bearer: operator });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.deepEqual([created.json.kind, created.json.authority, created.json.language, created.json.asOf], ['betalningsforelaggande', 'kronofogden', 'sv', '2026-03-24']);
    const pdf = await call(s.url, 'GET', created.json.url, { bearer: operator });
    const text = (await readPdfText(pdf.bytes)).text.replace(/ \n/g, '\n');

    assert.match(text, /Ansökan om betalningsföreläggande/);
    assert.match(text, /lag \(1990:746\) om betalningsföreläggande och handräckning/);
    assert.match(text, /Sökande \(borgenär\)\nJensens Autoværksted ApS/);
    assert.match(text, /Svarande \(gäldenär\)\nSvensson Åkeri AB\nOrganisationsnummer: 5560125790\nHamngatan 3, 411 06 Göteborg, SE/);
    assert.match(text, /Faktura S-1, utfärdad 1 januari 2026, förfallodag 15 januari 2026 +10 000,00 kr/);
    // räntelagen 6 §: reference 2.00 (2026 H1, RULES.md §4) + 8 = 10 %.
    assert.match(text, /Dröjsmålsränta enligt räntelagen 6 § [^\n]*för närvarande 10,00 % per år/);
    assert.match(text, /Faktura S-1: ränta på 10 000,00 kr från 16 januari 2026/);
    // Lag 1981:739: påminnelseavgift 60 (2 §), inkassokrav 180 (4 §), förseningsersättning 450 − 240 = 210 (4 a §).
    assert.match(text, /Påminnelseavgift \(3 mars 2026\) +60,00 kr\nGrund: lag \(1981:739\) 2 §\n/);
    assert.match(text, /Inkassoavgift \(13 mars 2026\) +180,00 kr\nGrund: lag \(1981:739\) 4 §\n/);
    assert.match(text, /Förseningsersättning \(22 mars 2026\) +210,00 kr\nGrund: lag \(1981:739\) 4 a §\n/);
    // 2026-01-16 … 2026-03-23 is 67 days: 1,000,000 × 10 % × 67 / 365 = 18,356.16 → SEK 183.56.
    assert.match(text, /Upplupen ränta 10,00 % per år, 16 januari 2026 till 23 mars 2026 · S-1 +183,56 kr/);
    // 10,000.00 + 60.00 + 180.00 + 210.00 + 183.56 − 1,000.00 = 9,633.56.
    assert.match(text, /Fordran totalt per beräkningsdagen +9 633,56 kr/);
    assert.deepEqual(created.json.total, { amount: 963_356, currency: 'SEK' });
    // Kronofogden (RULES.md §3): ansökningsavgift SEK 300, ombudsarvode at most SEK 380.
    assert.match(text, /Ansökningsavgift \(Kronofogden\) +300,00 kr/);
    assert.match(text, /Ombudsarvode[^\n]*högst 380,00 kr/);
    // inkassolagen 5 §: the inkassokrav of 2026-03-13 with 8 days.
    assert.match(text, /Inkassokrav enligt inkassolagen 5 § skickat 13 mars 2026 med sista betalningsdag 21 mars 2026/);
    assert.match(text, /Inbetalt 24 mars 2026 +-1 000,00 kr/);
  });
});
