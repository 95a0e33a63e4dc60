/**
 * The service guide (办事指南) of a published item as a Word document (.docx): every section of
 * the online guide, in Chinese with a CJK font (宋体, 微软雅黑 as the fallback Word substitutes),
 * tailored to the chosen situation answers, with a QR code linking to the online guide for the hall.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
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
import {
  answersTo,
  applicableFor,
  type CatalogItemDocument,
  type ChosenAnswers,
  DEPTH_SUMMARIES,
  depthSummaryOf,
} from '../../../../contracts/catalog.ts';
import {
  BODY_NATURES,
  CASE_TYPES,
  EXERCISE_LEVELS,
  ITEM_TYPES,
  LIMIT_UNITS,
  MATERIAL_MEDIA,
  SERVICE_OBJECTS,
  TONGBAN_SCOPES,
} from '../../../../contracts/catalog-codes.ts';
import { AppError, say } from '../../../platform/errors.ts';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun', hint: 'eastAsia' as const };
const HEADING_FONT = { ascii: 'Microsoft YaHei', eastAsia: '微软雅黑', hAnsi: 'Microsoft YaHei' };
const NUMERALS = '一二三四五六七八九十';

/** The Chinese ordinal of a section (1 → 一, 12 → 十二). */
function ordinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] as string;
  return `十${NUMERALS[n - 11] ?? ''}`;
}

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: opts.size ?? 24, bold: opts.bold });
const para = (text: string) => new Paragraph({ children: [run(text)], spacing: { after: 80, line: 360 } });

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 21 })] })] });
}

function table(rows: string[][], headerRow = true): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: headerRow && i === 0,
          children: r.map((c) => cell(c, headerRow && i === 0)),
        }),
    ),
  });
}

function limitText(l: { value: number | null; unit: keyof typeof LIMIT_UNITS; note: string }): string {
  const base = l.value === null ? '无法定时限' : `${l.value}个${LIMIT_UNITS[l.unit]}`;
  return l.note ? `${base}（${l.note}）` : base;
}

/**
 * Chosen answers from `?answers=`: "situation:answer" pairs, or a bare answer id where only one
 * question has it; an unknown or ambiguous one is a 400.
 */
export function chosenAnswers(doc: CatalogItemDocument, raw: string | undefined): ChosenAnswers {
  const chosen: Record<string, string[]> = {};
  for (const token of (raw ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const [first, second] = token.includes(':') ? token.split(':') : [undefined, token];
    const having = doc.situations.filter(
      (s) => (first === undefined || s.id === first) && s.answers.some((a) => a.id === second),
    );
    const [situation] = having;
    if (!situation || second === undefined || having.length > 1) {
      const message =
        having.length > 1
          ? say(
              `情形选项 ${token} 不止一个问题有，请写作“情形编号:选项编号”`,
              `More than one question has the answer ${token}; write it situation:answer`,
            )
          : say(`情形选项 ${token} 不存在`, `No answer ${token}`);
      throw new AppError('CATALOG_GUIDE_ANSWER_INVALID', {
        fields: [{ path: 'querystring.answers', message }],
      });
    }
    chosen[situation.id] = [...(chosen[situation.id] ?? []), second];
  }
  return chosen;
}

/** The guide's sections as [heading, content] in the order the online guide shows them. */
function sections(
  doc: CatalogItemDocument,
  departmentName: string,
  answers: ChosenAnswers,
): [string, (Paragraph | Table)[]][] {
  const applicable = applicableFor(doc, answers);
  const conditions = doc.conditions.filter((c) => applicable.conditionIds.includes(c.id));
  const materials = doc.materials.filter((m) => applicable.materialIds.includes(m.id));
  const depth = DEPTH_SUMMARIES[depthSummaryOf(doc.depthFlags)];
  const fee = doc.fee.charged
    ? [`收费依据：${doc.fee.basis}`, `收费标准：${doc.fee.standard || '按依据执行'}`]
    : ['不收费'];
  return [
    [
      '基本信息',
      [
        table(
          [
            ['事项类型', ITEM_TYPES[doc.type], '行使层级', EXERCISE_LEVELS[doc.exerciseLevel]],
            ['基本编码', doc.catalogCode, '实施编码', doc.implementationCode],
            [
              '实施主体',
              doc.implementingBody.name,
              '实施主体性质',
              BODY_NATURES[doc.implementingBody.nature],
            ],
            ['实施部门', departmentName, '办件类型', CASE_TYPES[doc.caseType]],
            [
              '服务对象',
              doc.serviceObjects.map((o) => SERVICE_OBJECTS[o]).join('、'),
              '通办范围',
              TONGBAN_SCOPES[doc.tongbanScope],
            ],
            ['网办深度', depth, '网办地址', doc.channels.onlineUrl || '—'],
          ],
          false,
        ),
      ],
    ],
    ['设定依据', [para(doc.legalBasis)]],
    ['受理条件', conditions.map((c, i) => para(`${i + 1}. ${c.text}`))],
    [
      '申请材料',
      materials.length === 0
        ? [para('无需提交材料')]
        : [
            table([
              ['序号', '材料名称', '出具机构', '原件/复印件', '形式', '要求', '备注'],
              ...materials.map((m, i) => [
                String(i + 1),
                m.name,
                m.issuer,
                `${m.originals}/${m.copies}`,
                MATERIAL_MEDIA[m.medium],
                [
                  m.required ? '必备' : '非必备',
                  m.deferrable ? '可容缺' : '',
                  m.fromSharedData ? '可共享获取' : '',
                ]
                  .filter(Boolean)
                  .join('，'),
                m.note,
              ]),
            ]),
          ],
    ],
    [
      '办理时限',
      [
        para(`法定办结时限：${limitText(doc.legalLimit)}`),
        para(`承诺办结时限：${limitText(doc.promisedLimit)}`),
      ],
    ],
    ['收费', fee.map(para)],
    ['到现场次数', [para(doc.visits === 0 ? '0次（全程网办）' : `${doc.visits}次`)]],
    ['办理地点和时间', [para(`办理地点：${doc.place}`), para(`办理时间：${doc.hours}`)]],
    ['咨询和投诉', [para(`咨询电话：${doc.consultPhone}`), para(`监督投诉电话：${doc.complaintPhone}`)]],
    ['办理流程', doc.process.split(/\r?\n/).filter(Boolean).map(para)],
    ['办理结果', [para(doc.result.name)]],
    [
      '常见问题',
      doc.faq.length === 0
        ? [para('暂无')]
        : doc.faq.flatMap((q) => [para(`问：${q.question}`), para(`答：${q.answer}`)]),
    ],
  ];
}

/** The guide as .docx bytes; `url` is the online guide the QR code links to. */
export async function guideDocx(
  doc: CatalogItemDocument,
  options: { departmentName: string; url: string; answers: ChosenAnswers },
): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: doc.name, font: HEADING_FONT, size: 40, bold: true })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run('办事指南', { size: 28 })] }),
  ];
  const chosen = doc.situations.flatMap((s) =>
    s.answers
      .filter((a) => answersTo(options.answers, s.id).includes(a.id))
      .map((a) => `${s.question}${a.label}`),
  );
  if (chosen.length) children.push(para(`按所选情形生成：${chosen.join('；')}`));
  sections(doc, options.departmentName, options.answers).forEach(([heading, content], i) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [
          new TextRun({ text: `${ordinal(i + 1)}、${heading}`, font: HEADING_FONT, size: 28, bold: true }),
        ],
      }),
      ...content,
    );
  });
  const qr = await QRCode.toBuffer(options.url, { type: 'png', margin: 1, width: 240 });
  children.push(
    new Paragraph({
      spacing: { before: 240 },
      children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 110, height: 110 } })],
    }),
    para(`扫码查看网上办事指南：${options.url}`),
  );
  return Packer.toBuffer(
    new Document({ creator: 'OneWindow', title: `${doc.name}办事指南`, sections: [{ children }] }),
  );
}
