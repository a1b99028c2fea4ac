// The same domain code runs in the browser (instant quote in the widget) as on the server:
// this runs a slice of it in real Chromium to prove it needs no Node built-ins.
import { expect } from '@open-wc/testing';
import { formatMoney, parseMoney, percentOf } from '@collectkit/sdk';

describe('@collectkit/sdk in the browser', () => {
  it('parses and formats Danish amounts with the browser Intl', () => {
    const amount = parseMoney('1.234,50', 'DKK', 'da');
    expect(amount).to.deep.equal({ amount: 123450, currency: 'DKK' });
    expect(formatMoney(amount, 'da')).to.equal('1.234,50\u00a0kr.');
  });

  it('computes percentages exactly', () => {
    expect(percentOf({ amount: 100001, currency: 'SEK' }, '10.5')).to.deep.equal({ amount: 10500, currency: 'SEK' });
  });
});
