import {
  CASE_DOCUMENT_LABELS,
  type CaseDocumentKind,
  MATERIAL_FORM_LABELS,
} from '../../../../contracts/cases.ts';
import { LIMIT_UNITS } from '../../../../contracts/catalog-codes.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { AppError } from '../../../platform/errors.ts';
import { PRINT_BUTTON_SCRIPT } from '../../../platform/http/security-headers.ts';
import type { CaseClock } from '../domain/clock.ts';
import type { CaseState } from '../domain/model.ts';
import { groupedLookupCode } from '../progress/lookup-code.ts';
import { documentsOf } from '../views/present.ts';

/**
 * The written notices of intake (行政许可法 第32条: every decision in writing, dated, sealed):
 * 收件凭证, 受理通知书, 一次性告知书, 不予受理通知书, 容缺受理通知书. Built as one structured
 * document, rendered to printable HTML here and to .docx in documents-docx.ts, so both say the same.
 */

export interface NoticeBlock {
  kind: 'p' | 'table' | 'list';
  text?: string;
  rows?: string[][];
  items?: string[];
}

export interface Notice {
  kind: CaseDocumentKind;
  title: string;
  number: string;
  addressee: string;
  blocks: NoticeBlock[];
  issuer: string;
  date: string;
  /** The public progress page the QR code points to, with the number and the lookup code. */
  progressUrl: string;
  /** The case's lookup code (查询码) as printed: `7K3M-9QX2-HD`. */
  lookupCode: string;
}

/** A date as official documents write it: 2026年3月2日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const LAW = '《中华人民共和国行政许可法》';

/** The content of a notice of a case, or CASE_DOCUMENT_UNAVAILABLE when the case has none of that kind. */
export function noticeOf(
  state: CaseState,
  clock: CaseClock,
  {
    kind,
    publicUrl,
    lookupCode,
  }: {
    kind: CaseDocumentKind;
    publicUrl: string;
    /** The case's lookup code (lookup-code.ts), without hyphens. */
    lookupCode: string;
  },
): Notice {
  if (!documentsOf(state).includes(kind)) throw new AppError('CASE_DOCUMENT_UNAVAILABLE', { kind });
  const item = `“${state.item.name}”`;
  const received = chineseDate(shanghaiDay(state.receivedAt));
  const suffix = { receipt: 'SJ', acceptance: 'SL', correction: 'BZ', refusal: 'BSL', deferral: 'RQ' }[kind];
  const base = {
    kind,
    title: CASE_DOCUMENT_LABELS[kind],
    number: `${state.number}-${suffix}`,
    addressee: state.applicant.name,
    issuer: `${state.item.departmentName}\n（${state.intake.servicePointName ?? state.intake.unitName}代为受理）`,
    progressUrl: `${publicUrl.replace(/\/$/, '')}/progress?number=${encodeURIComponent(state.number)}&code=${lookupCode}`,
    lookupCode: groupedLookupCode(lookupCode),
  };
  const materialRows = [
    ['序号', '材料名称', '收取形式', '份数'],
    ...state.materials.map((m, i) => [
      String(i + 1),
      m.name,
      MATERIAL_FORM_LABELS[m.form].zh,
      m.copies === null ? '' : String(m.copies),
    ]),
  ];
  switch (kind) {
    case 'receipt':
      return {
        ...base,
        date: shanghaiDay(state.receivedAt),
        blocks: [
          { kind: 'p', text: `您（单位）于${received}申请办理${item}，本窗口已收到下列材料：` },
          { kind: 'table', rows: materialRows },
          {
            kind: 'p',
            text: `办件编号：${state.number}。请妥善保管本凭证，凭办件编号和申请人证件号码后6位可查询办理进度。`,
          },
        ],
      };
    case 'acceptance':
      return {
        ...base,
        date: shanghaiDay(state.acceptedAt ?? state.receivedAt),
        blocks: [
          {
            kind: 'p',
            text: `您（单位）于${received}提出的${item}申请，经审查，申请材料齐全、符合法定形式，根据${LAW}第三十二条的规定，决定予以受理。`,
          },
          {
            kind: 'p',
            text: `本机关承诺于${promiseText(state, clock)}内办结${clock.promisedDue ? `（${chineseDate(clock.promisedDue)}前）` : ''}。依法需要听证、检验、检测、鉴定、专家评审等的，所需时间不计入办理期限，届时另行书面告知。`,
          },
          ...(state.deemedAccepted
            ? [
                {
                  kind: 'p' as const,
                  text: `因未在收到申请材料之日起五个工作日内告知补正，自收到申请材料之日（${received}）起即为受理。`,
                },
              ]
            : []),
        ],
      };
    case 'correction': {
      const round = state.corrections.at(-1);
      return {
        ...base,
        date: shanghaiDay(round?.at ?? state.receivedAt),
        blocks: [
          {
            kind: 'p',
            text: `您（单位）申请的${item}，经审查，申请材料不齐全或者不符合法定形式。根据${LAW}第三十二条的规定，现一次性告知您需要补正的全部内容如下：`,
          },
          { kind: 'list', items: (round?.items ?? []).map((i) => `${i.name}：${i.problem}`) },
          ...(round?.note ? [{ kind: 'p' as const, text: round.note }] : []),
          {
            kind: 'p',
            text:
              round?.stage === 'process'
                ? '补正期间不计入办理时限。请按上述要求补正后提交，本机关将继续办理。'
                : '请按上述要求补正后提交，补正材料齐全、符合法定形式的，本机关将予以受理。',
          },
        ],
      };
    }
    case 'refusal':
      return {
        ...base,
        date: shanghaiDay(state.refusal?.at ?? state.receivedAt),
        blocks: [
          { kind: 'p', text: `您（单位）于${received}提出的${item}申请，经审查，决定不予受理。理由如下：` },
          { kind: 'p', text: state.refusal?.reason ?? '' },
          ...(state.refusal?.legalBasis
            ? [{ kind: 'p' as const, text: `依据：${state.refusal.legalBasis}` }]
            : []),
          ...(state.refusal?.competentBody
            ? [
                {
                  kind: 'p' as const,
                  text: `该申请事项依法不属于本机关职权范围，请向${state.refusal.competentBody}申请。`,
                },
              ]
            : []),
          {
            kind: 'p',
            text: '如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。',
          },
        ],
      };
    case 'deferral':
      return {
        ...base,
        date: shanghaiDay(state.acceptedAt ?? state.receivedAt),
        blocks: [
          {
            kind: 'p',
            text: `您（单位）申请的${item}，基本条件具备、主要申报材料齐全，根据容缺受理的规定，在您签署容缺受理承诺书后予以受理。请于下列期限前补齐：`,
          },
          {
            kind: 'list',
            items: state.materials
              .filter((m) => m.form === 'deferred')
              .map(
                (m) =>
                  `${m.name}：${m.deferredUntil ? `${chineseDate(m.deferredUntil)}前` : ''}${m.suppliedAt ? '（已补齐）' : ''}`,
              ),
          },
          { kind: 'p', text: '容缺材料补齐前不出具准予许可的结果；逾期未补齐的，按承诺书约定处理。' },
        ],
      };
  }
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** A printable A4 HTML page of a notice, with the QR code (SVG) of its progress page. */
export function noticeHtml(n: Notice, qrSvg: string): string {
  const blocks = n.blocks
    .map((b) => {
      if (b.kind === 'table') {
        const [head, ...rows] = b.rows ?? [];
        return `<table><thead><tr>${(head ?? []).map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
      }
      if (b.kind === 'list') return `<ol>${(b.items ?? []).map((i) => `<li>${esc(i)}</li>`).join('')}</ol>`;
      return `<p>${esc(b.text ?? '')}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(n.title)} ${esc(n.number)}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, serif; font-size: 16px; line-height: 1.8; max-width: 170mm; margin: 0 auto; color: #000; }
h1 { text-align: center; font-size: 26px; letter-spacing: 4px; margin: 8px 0 0; }
.no { text-align: right; margin: 4px 0 24px; }
p { text-indent: 2em; margin: 6px 0; }
p.to { text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #000; padding: 4px 6px; font-size: 14px; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 40px; }
.qr { width: 110px; text-align: center; font-size: 11px; line-height: 1.3; }
.qr svg { width: 110px; height: 110px; }
.qr .code { font-family: monospace; font-size: 13px; white-space: nowrap; }
.issuer { text-align: right; white-space: pre-line; }
@media print { .noprint { display: none; } }
</style></head>
<body>
<h1>${esc(n.title)}</h1>
<div class="no">编号：${esc(n.number)}</div>
<p class="to">${esc(n.addressee)}：</p>
${blocks}
<div class="foot">
  <div class="qr">${qrSvg}<div>扫码查询办理进度<br>查询码 <b class="code">${esc(n.lookupCode)}</b></div></div>
  <div class="issuer">${esc(n.issuer)}<br>（盖章）<br>${chineseDate(n.date)}</div>
</div>
<button class="noprint" id="print" type="button">打印</button>
<script>${PRINT_BUTTON_SCRIPT}</script>
</body></html>`;
}

/** The promised limit as the item states it (a natural-day limit is not counted in working days). */
function promiseText(state: CaseState, clock: CaseClock): string {
  const { days, unit } = state.item.promised;
  const extended = clock.extensionDays > 0 ? `（已延长${clock.extensionDays}个工作日）` : '';
  return `${days}个${LIMIT_UNITS[unit]}${extended}`;
}
