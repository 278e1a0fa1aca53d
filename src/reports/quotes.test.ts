import { describe, expect, it } from 'vitest';
import { htmlBlocks } from './pdf/html-blocks.ts';
import { printable } from './pdf/printable.ts';
import { quotesNote, reportQuotes } from './quotes.ts';

describe('selected comments', () => {
  it('are shown from 20 analysed responses, never below, and say why there are none', () => {
    expect(reportQuotes(20, 20, ['  i like my room  ', ''])).toEqual({ minResponses: 20, analysed: 20, status: 'shown', items: ['i like my room'] });
    expect(reportQuotes(19, 20, ['i like my room'])).toEqual({ minResponses: 20, analysed: 19, status: 'too_few_responses', items: [] });
    expect(reportQuotes(80, 20, [])).toMatchObject({ status: 'none_approved', items: [] });
    expect(quotesNote(reportQuotes(1, 20, []))).toContain('1 response was analysed');
    expect(quotesNote(reportQuotes(80, 20, []))).toContain('No comments have been approved for quoting');
    expect(quotesNote(undefined)).toContain('not part of reports when this version was published');
  });
});

describe('quotations in the PDF', () => {
  it('are read from the report HTML as quotes, and a figure without a chart keeps its words', () => {
    const blocks = htmlBlocks('<h2>Selected comments</h2><p class="govuk-body">Intro.</p><blockquote class="govuk-inset-text"><p class="govuk-body">“my carer is kind”</p></blockquote><figure><blockquote><p>“a second”</p></blockquote><figcaption>Said in 2026</figcaption></figure>');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'quote', 'quote', 'paragraph']);
    expect(blocks[2]).toEqual({ kind: 'quote', runs: [{ text: '“my carer is kind”' }] });
    expect(blocks[4]).toEqual({ kind: 'paragraph', runs: [{ text: 'Said in 2026' }] });
  });

  it('drop emoji and letters the standard fonts cannot draw, rather than print garbage', () => {
    expect(printable('lets me help 😀')).toBe('lets me help');
    expect(printable('well 👍🏽 thanks ❤️!')).toBe('well thanks!');
    expect(printable('Mae’n dda — café £5 © ŵ ł 你')).toBe('Mae’n dda — café £5 © w l ?');
  });
});
