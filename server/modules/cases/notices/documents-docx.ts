import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import QRCode from 'qrcode';
import { chineseDate, type Notice } from './documents.ts';

/** The same notice as an editable Word document (.docx), with the progress QR code as an image. */
export async function noticeDocx(n: Notice): Promise<Buffer> {
  const font = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
  const text = (t: string, size = 32, bold = false) => new TextRun({ text: t, size, bold, font });
  const para = (t: string, indent = true) =>
    new Paragraph({
      children: [text(t)],
      indent: indent ? { firstLine: 640 } : undefined,
      spacing: { line: 560 },
    });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(n.title, 44, true)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(`编号：${n.number}`, 24)] }),
    para(`${n.addressee}：`, false),
  ];
  for (const b of n.blocks) {
    if (b.kind === 'p') children.push(para(b.text ?? ''));
    if (b.kind === 'list')
      for (const [i, item] of (b.items ?? []).entries()) children.push(para(`${i + 1}. ${item}`));
    if (b.kind === 'table') {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: (b.rows ?? []).map(
            (r) =>
              new TableRow({
                children: r.map(
                  (c) => new TableCell({ children: [new Paragraph({ children: [text(c, 24)] })] }),
                ),
              }),
          ),
        }),
      );
    }
  }
  const qr = await QRCode.toBuffer(n.progressUrl, { type: 'png', margin: 1, width: 240 });
  children.push(
    new Paragraph({
      children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 96, height: 96 } })],
    }),
    new Paragraph({ children: [text(`扫码查询办理进度　查询码 ${n.lookupCode}`, 18)] }),
    ...[...n.issuer.split('\n'), '（盖章）', chineseDate(n.date)].map(
      (line) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(line)] }),
    ),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
