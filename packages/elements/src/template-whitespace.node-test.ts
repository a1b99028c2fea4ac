// The build step that drops the indentation of Lit's html`` and css`` literals in collect.js
// (rollup.config.mjs, collapseTemplateWhitespace). It must never change what renders: text, attribute
// values, <textarea>/<pre> contents and CSS strings stay as written; only whitespace runs that hold a
// line break shrink to their line breaks. Run with:
//   node --conditions=source --import tsx --test packages/elements/src/template-whitespace.node-test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';

// @ts-expect-error: the rollup config is plain .mjs without types
const config = (await import('../../../rollup.config.mjs')) as {
  collapseTemplateWhitespace: (kind: 'html' | 'css', quasis: string[]) => string[];
};
const collapse = config.collapseTemplateWhitespace;

describe('collapseTemplateWhitespace, html', () => {
  it('drops indentation between tags and keeps the line breaks', () => {
    const raw = '\n      <div class="field">\n        <label for="x">Name</label>\n      </div>\n    ';
    assert.deepEqual(collapse('html', [raw]), ['\n<div class="field">\n<label for="x">Name</label>\n</div>\n']);
  });

  it('leaves whitespace within a line alone, so inline text keeps its spaces', () => {
    const raw = '<p>Pay  <b>now</b> or <i>later</i></p>';
    assert.deepEqual(collapse('html', [raw]), [raw]);
  });

  it('keeps a quoted attribute value exactly, even across lines', () => {
    const raw = '<a\n    title="first line\n    second  line"\n    href=\'x\n  y\'>go</a>';
    assert.deepEqual(collapse('html', [raw]), ['<a\ntitle="first line\n    second  line"\nhref=\'x\n  y\'>go</a>']);
  });

  it('keeps <textarea> and <pre> contents, and comments, verbatim', () => {
    const raw = '<textarea>\n  a\n    b\n</textarea>\n  <pre>\n  x\n</pre>\n  <!--\n   note\n  -->\n  <p>\n  y</p>';
    assert.deepEqual(collapse('html', [raw]), [
      '<textarea>\n  a\n    b\n</textarea>\n<pre>\n  x\n</pre>\n<!--\n   note\n  -->\n<p>\ny</p>',
    ]);
  });

  it('carries its state across ${} expressions: a value opened before one is still a value after it', () => {
    // html`<input title="a ${x}\n   b" .value=${y}\n   >` — the value text after ${x} is kept.
    assert.deepEqual(collapse('html', ['<input title="a ', '\n   b" .value=', '\n   >\n   ']), [
      '<input title="a ',
      '\n   b" .value=',
      '\n>\n',
    ]);
  });

  it('keeps a line continuation as written', () => {
    assert.deepEqual(collapse('html', ['<p>a\\\n    b</p>']), ['<p>a\\\n    b</p>']);
  });
});

describe('collapseTemplateWhitespace, css', () => {
  it('drops indentation and comments, keeping line breaks', () => {
    const raw = '\n  :host {\n    display: block; /* the host\n is a block */\n  }\n';
    assert.deepEqual(collapse('css', [raw]), ['\n:host {\ndisplay: block; \n\n}\n']);
  });

  it('keeps CSS strings and in-line spaces (calc needs them)', () => {
    const raw = "  .a::before {\n    content: '  x\\\n   y';\n    width: calc(1em + 2px);\n  }";
    assert.deepEqual(collapse('css', [raw]), ["  .a::before {\ncontent: '  x\\\n   y';\nwidth: calc(1em + 2px);\n}"]);
  });
});

describe('collapseTemplateWhitespace, for any template', () => {
  const piece = fc.stringMatching(/^[ \n\ta<>"'=\/\-!b*{}:;]{0,40}$/);
  it('removes only whitespace and keeps every line break (html)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (quasis) => {
        const out = collapse('html', quasis);
        assert.equal(out.length, quasis.length);
        out.forEach((text, k) => {
          assert.equal(text.replace(/\s/g, ''), quasis[k]!.replace(/\s/g, ''));
          assert.equal(text.split('\n').length, quasis[k]!.split('\n').length);
        });
      }),
    );
  });

  it('removes only whitespace and comments and keeps every line break (css without comments)', () => {
    const cssPiece = fc.stringMatching(/^[ \n\ta"'{}:;.()+-]{0,40}$/);
    fc.assert(
      fc.property(fc.array(cssPiece, { minLength: 1, maxLength: 4 }), (quasis) => {
        const out = collapse('css', quasis);
        out.forEach((text, k) => {
          assert.equal(text.replace(/\s/g, ''), quasis[k]!.replace(/\s/g, ''));
          assert.equal(text.split('\n').length, quasis[k]!.split('\n').length);
        });
      }),
    );
  });
});
