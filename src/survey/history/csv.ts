/**
 * Reading an import file as a stream of records: a byte-order mark is dropped, any line ending works
 * (CRLF, LF or CR), quoted cells may hold commas and line breaks, and a row may stop short of the
 * header (missing cells are blank). A file that is not CSV at all is a refusal, never a crash.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../lib/errors.ts';

/** The parser's settings; a record over a megabyte means an unclosed quote, not a response. */
const OPTIONS = { bom: true, relax_column_count: true, max_record_size: 1_000_000 } as const;

/** The records of a CSV byte stream, one at a time, as arrays of cells. */
export async function* csvRecords(input: Readable, name = 'The file'): AsyncGenerator<string[]> {
  const parser = parse(OPTIONS);
  input.on('error', (e) => parser.destroy(e)).pipe(parser);
  try {
    for await (const record of parser) yield record as string[];
  } catch (e) {
    if (e instanceof CsvError) throw new AppError('bad_request', `${name} is not valid CSV: ${e.message}`);
    throw e;
  } finally {
    parser.destroy();
    input.destroy();
  }
}
