// Hostile XLSX files for the upload limits (src/core/spreadsheet.ts), made in
// memory in well under a second and about 1 MB each: a deflate stream that is
// byte-aligned after a full flush can be repeated, so 450 MB of XML needs only
// one 1 MB chunk compressed once. The zips are valid (CRC included).
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Text before the repeated part. */
  head?: string;
  /** Repeated `times` times (the bulk of the entry). */
  repeat?: { chunk: string; times: number };
  tail?: string;
  /** Declared unpacked size in the zip headers; by default the true size (a bomb may lie). */
  declaredSize?: number;
}

const MIB = 1024 * 1024;

function deflatePart(p: ZipPart) {
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const head = Buffer.from(p.head ?? '');
  const tail = Buffer.from(p.tail ?? '');
  const chunk = Buffer.from(p.repeat?.chunk ?? '');
  const times = p.repeat?.times ?? 0;
  // A full flush ends each piece on a byte boundary with no back-reference into the next: pieces concatenate.
  const pieces = [deflateRawSync(head, flush), ...Array<Buffer>(times).fill(times ? deflateRawSync(chunk, flush) : Buffer.alloc(0)),
    deflateRawSync(tail)]; // the last piece closes the stream
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  return { data: Buffer.concat(pieces), crc, size: head.length + chunk.length * times + tail.length };
}

/** A zip of deflated entries. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const { data, crc, size } = deflatePart(p);
    const name = Buffer.from(p.name);
    const declared = p.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const frame: ZipPart[] = [
  { name: '[Content_Types].xml', head: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' },
  { name: 'xl/workbook.xml', head: `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="Indsatskatalog" sheetId="1"/></sheets></workbook>` },
];

/** "A 9.5 MB XLSX that unpacks to 448 MB": a sheet of `mb` MB of rows (default 450). */
export function bombXlsx(mb = 450, opts: { lie?: boolean } = {}): Buffer {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const chunk = row.repeat(Math.floor(MIB / row.length));
  return zipOf([...frame, {
    name: 'xl/worksheets/sheet1.xml', head: `<worksheet ${NS}><sheetData>`, repeat: { chunk, times: mb }, tail: '</sheetData></worksheet>',
    declaredSize: opts.lie ? 4096 : undefined,
  }]);
}

/** "A 350 KB file with one 300 MB cell": one shared string of `mb` MB (default 300). */
export function hugeCellXlsx(mb = 300): Buffer {
  return zipOf([...frame,
    { name: 'xl/worksheets/sheet1.xml', head: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>` },
    { name: 'xl/sharedStrings.xml', head: `<sst ${NS}><si><t>`, repeat: { chunk: 'a'.repeat(MIB), times: mb }, tail: '</t></si></sst>' },
  ]);
}

/** A valid-looking sheet with `rows` rows of one inline string each (the row limit is counted in this XML). */
export function manyRowsXlsx(rows: number): Buffer {
  const body = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${i ? `I${i}` : 'title'}</t></is></c></row>`).join('');
  return zipOf([...frame, { name: 'xl/worksheets/sheet1.xml', head: `<worksheet ${NS}><sheetData>${body}</sheetData></worksheet>` }]);
}
