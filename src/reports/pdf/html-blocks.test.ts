/** Reading the report's HTML into PDF blocks: the words, their styles and the order stay the web page's. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlBlocks, tidy } from './html-blocks.ts';

const TABLE = `
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">Responses &amp; rates</caption>
  <thead><tr><th scope="col">Age group</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Eligible</th><th scope="col">Compared</th></tr></thead>
  <tbody>
    <tr><th scope="row">Ages 8 to 11<br><span class="govuk-body-s">Asked of some young people only</span></th><td class="govuk-table__cell--numeric">160</td>
      <td><strong class="govuk-tag govuk-tag--green">Better than other local authorities</strong></td></tr>
    <tr><th scope="row">Ages 11 to 17</th><td>350</td><td><span class="govuk-body-s">Not shown: fewer than 10 young people answered</span></td></tr>
  </tbody>
</table>`;

describe('htmlBlocks', () => {
  it('reads headings, paragraphs with styled runs and lists, leaving out navigation and hidden text', () => {
    const blocks = htmlBlocks(`
      <nav><h2 id="contents-heading">Contents</h2><ol><li><a href="#a">A</a></li></ol></nav>
      <h2 class="govuk-heading-l" id="key-findings">Key findings</h2>
      <p class="govuk-body">Compared with   <strong>3</strong> others<span class="govuk-visually-hidden"> (hidden)</span>.</p>
      <h3>Bright spots</h3>
      <ul class="govuk-list"><li><strong>Trusts carers</strong>. 91% of 140.</li><li>Second</li></ul>
      <h4>By gender</h4>`);
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Key findings', id: 'key-findings' },
      { kind: 'paragraph', runs: [{ text: 'Compared with ' }, { text: '3', bold: true }, { text: ' others.' }] },
      { kind: 'heading', level: 3, text: 'Bright spots', id: null },
      { kind: 'list', ordered: false, items: [[{ text: 'Trusts carers', bold: true }, { text: '. 91% of 140.' }], [{ text: 'Second' }]] },
      { kind: 'heading', level: 4, text: 'By gender', id: null },
    ]);
  });

  it('reads a table: caption, header row, row headers, numeric columns, line breaks, tags and secondary text', () => {
    const [table] = htmlBlocks(TABLE);
    expect(table).toEqual({
      kind: 'table',
      caption: [{ text: 'Responses & rates' }],
      head: [[{ text: 'Age group', bold: true }], [{ text: 'Eligible', bold: true }], [{ text: 'Compared', bold: true }]],
      rows: [
        [[{ text: 'Ages 8 to 11\n', bold: true }, { text: 'Asked of some young people only', bold: true, small: true }], [{ text: '160' }], [{ text: 'Better than other local authorities', bold: true, tag: 'green' }]],
        [[{ text: 'Ages 11 to 17', bold: true }], [{ text: '350' }], [{ text: 'Not shown: fewer than 10 young people answered', small: true }]],
      ],
      rowHeaders: true,
      numeric: [false, true, false],
    });
  });

  it('keeps an SVG whole as a figure, with its title and description as the alternative and its caption', () => {
    const svg = '<svg viewBox="0 0 10 10" aria-labelledby="c1-title c1-desc"><title id="c1-title">Chart</title><desc id="c1-desc">Shows a &lt;dot&gt;</desc><g><svg><rect/></svg></g><text>7%</text></svg>';
    const blocks = htmlBlocks(`<figure>${svg}<figcaption class="govuk-body-s">Chart. The table below gives every figure.</figcaption></figure><p>After</p>`);
    expect(blocks[0]).toEqual({ kind: 'figure', svg, ids: ['c1-title', 'c1-desc'], alt: 'Chart. Shows a <dot>', caption: [{ text: 'Chart. The table below gives every figure.', small: true }] });
    expect(blocks[1]).toEqual({ kind: 'paragraph', runs: [{ text: 'After' }] });
  });

  it('keeps links to the web, not to the staff site', () => {
    const [p] = htmlBlocks('<p>See <a href="https://example.org/x">the source</a> or <a href="/staff/waves/1">the page</a>.</p>');
    expect(p).toEqual({ kind: 'paragraph', runs: [{ text: 'See ' }, { text: 'the source', link: 'https://example.org/x' }, { text: ' or the page.' }] });
  });
});

describe('tidy and entities', () => {
  it('drops spaces at breaks and edges, and repeated breaks', () => {
    expect(tidy([{ text: '\n  a  ' }, { text: ' \n\n b', bold: true }, { text: ' \n' }])).toEqual([{ text: 'a' }, { text: '\nb', bold: true }]);
  });

  it('decodes the references templates write', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x2013;&nbsp;&unknown;')).toBe('&<>"\'– &unknown;');
  });
});
