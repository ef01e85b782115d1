/**
 * Long documents for memory tests and benchmarks, made here by Python's standard library (no PyPI package):
 * a Word document of Cyrillic paragraphs (the three parts Word needs) and a PDF of pages of Latin text in a
 * standard font (pdf.js reads its text layer as any other). Never committed: they are large.
 */
import { execFileSync } from 'node:child_process';

/** Writes a .docx of `paragraphs` paragraphs of ≈ 860 characters. */
export function writeLargeDocx(path: string, paragraphs: number): void {
  execFileSync('python3', ['-c', DOCX_WRITER, path, String(paragraphs)]);
}

/** Writes a .pdf of `pages` pages, each ≈ 3,400 characters in 50 lines. */
export function writeLargePdf(path: string, pages: number): void {
  execFileSync('python3', ['-c', PDF_WRITER, path, String(pages)]);
}

const DOCX_WRITER = `
import sys, zipfile, random
path, paragraphs = sys.argv[1], int(sys.argv[2])
random.seed(1)
words = 'сегодня опыт лекция радио антенна вечером посмотри формула звонок дача приёмник волна сигнал'.split()
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
body = ''.join('<w:p><w:r><w:t>' + ' '.join(random.choice(words) for _ in range(120)) + '.</w:t></w:r></w:p>' for _ in range(paragraphs))
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W + '"><w:body>' + body + '</w:body></w:document>')
`;

// PDF 1.4 by hand: catalog, page tree, one font (Helvetica, no embedding), per page a content stream; then
// the cross-reference table with each object's byte offset, as a reader needs it.
const PDF_WRITER = `
import sys, random, zlib
path, pages = sys.argv[1], int(sys.argv[2])
random.seed(1)
words = 'today lecture radio antenna evening formula signal receiver wave experiment theory bridge'.split()
objects = []
def add(body):
    objects.append(body)
    return len(objects)
catalog = add(None)
tree = add(None)
font = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
kids = []
for _ in range(pages):
    lines = [' '.join(random.choice(words) for _ in range(10)) for _ in range(50)]
    text = 'BT /F1 9 Tf 40 800 Td 12 TL ' + ' '.join('(' + line + ') Tj T*' for line in lines) + ' ET'
    data = zlib.compress(text.encode('latin-1'))
    content = add(b'<< /Length %d /Filter /FlateDecode >>\\nstream\\n' % len(data) + data + b'\\nendstream')
    kids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>' % (tree, font, content)))
objects[catalog - 1] = b'<< /Type /Catalog /Pages %d 0 R >>' % tree
objects[tree - 1] = b'<< /Type /Pages /Count %d /Kids [%s] >>' % (len(kids), b' '.join(b'%d 0 R' % k for k in kids))
out = bytearray(b'%PDF-1.4\\n')
offsets = []
for n, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b'%d 0 obj\\n' % n + body + b'\\nendobj\\n'
xref = len(out)
out += b'xref\\n0 %d\\n0000000000 65535 f \\n' % (len(objects) + 1)
out += b''.join(b'%010d 00000 n \\n' % o for o in offsets)
out += b'trailer\\n<< /Size %d /Root %d 0 R >>\\nstartxref\\n%d\\n%%%%EOF\\n' % (len(objects) + 1, catalog, xref)
open(path, 'wb').write(out)
`;
