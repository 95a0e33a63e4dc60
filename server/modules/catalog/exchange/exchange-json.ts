/**
 * An item document as a GB/T 39046-2020 exchange record: keys are the standard's Table 4 field
 * names, code values follow Annex A, yes/no is 1/0. 行政备案 has no A.1 code and leaves as 10 with
 * 事项类型 行政备案 (ITEM_TYPE_EXTERNAL_CODE). Elements the standard does not define sit under 扩展信息.
 */
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import {
  BODY_NATURES,
  CASE_TYPES,
  DEPTH_SUMMARIES,
  depthSummaryOf,
  EXERCISE_LEVELS,
  GRASSROOTS_LEVELS,
  HANDLING_FORMS,
  ITEM_TYPE_EXTERNAL_CODE,
  ITEM_TYPES,
  LIMIT_UNITS,
  MATERIAL_MEDIA,
  SERVICE_OBJECTS,
  TONGBAN_SCOPES,
} from '../../../../contracts/catalog-codes.ts';
import type { ExchangeItemView } from '../../../../contracts/catalog-exchange.ts';
import { isWebAddress } from '../../../../contracts/catalog-fields.ts';

const f01 = (b: boolean): '0' | '1' => (b ? '1' : '0');

/** One item as a GB/T 39046 record; `department` is the 承办机构 (the implementing org unit). */
export function exchangeItemOf(
  doc: CatalogItemDocument,
  department: { name: string; creditCode: string },
): ExchangeItemView {
  const conditionText = new Map(doc.conditions.map((c) => [c.id, c.text]));
  const materialName = new Map(doc.materials.map((m) => [m.id, m.name]));
  return {
    事项名称: doc.name,
    基本编码: doc.catalogCode,
    实施编码: doc.implementationCode,
    事项类型: ITEM_TYPES[doc.type],
    事项类型代码: ITEM_TYPE_EXTERNAL_CODE[doc.type],
    设定依据: doc.legalBasis,
    行使层级: EXERCISE_LEVELS[doc.exerciseLevel],
    行使层级代码: doc.exerciseLevel,
    权限划分: doc.powerDivision,
    行使内容: doc.exerciseContent,
    实施主体: doc.implementingBody.name,
    实施主体代码: doc.implementingBody.creditCode,
    实施主体性质: BODY_NATURES[doc.implementingBody.nature],
    实施主体性质代码: doc.implementingBody.nature,
    法定办结时限: doc.legalLimit.value,
    法定办结时限单位: LIMIT_UNITS[doc.legalLimit.unit],
    法定办结时限说明: doc.legalLimit.note,
    承诺办结时限: doc.promisedLimit.value,
    承诺办结时限单位: LIMIT_UNITS[doc.promisedLimit.unit],
    承诺办结时限说明: doc.promisedLimit.note,
    受理条件: doc.conditions.map((c) => c.text),
    办理流程: doc.process,
    共同实施部门: doc.coDepartments,
    承办机构: department.name,
    承办机构代码: department.creditCode,
    中介服务: doc.intermediaryServices,
    数量限制: doc.quantityLimit,
    结果名称: doc.result.name,
    结果样本: doc.result.sample?.name ?? '',
    是否收费: f01(doc.fee.charged),
    收费依据: doc.fee.basis,
    通办范围: TONGBAN_SCOPES[doc.tongbanScope],
    服务对象: doc.serviceObjects.map((o) => SERVICE_OBJECTS[o]),
    服务对象代码: doc.serviceObjects,
    自然人服务主题: doc.topics.person,
    法人服务主题: doc.topics.legal,
    办理形式: doc.handlingForms.map((h) => HANDLING_FORMS[h]),
    办理形式代码: doc.handlingForms,
    特别程序: doc.specialProcedures,
    是否支持预约办理: f01(doc.channels.appointment),
    是否支持网上支付: f01(doc.channels.onlinePayment),
    是否支持物流快递: f01(doc.channels.mail),
    是否网办: f01(doc.channels.online),
    // A row stored before addresses were checked is not passed on unless it is a web address.
    网办地址: isWebAddress(doc.channels.onlineUrl) ? doc.channels.onlineUrl : '',
    办理地点: doc.place,
    办理时间: doc.hours,
    咨询电话: doc.consultPhone,
    监督电话: doc.complaintPhone,
    常见问题: doc.faq.map((q) => ({ 问题: q.question, 解答: q.answer })),
    办件类型: CASE_TYPES[doc.caseType],
    办件类型代码: doc.caseType,
    申请材料: doc.materials.map((m) => ({
      材料名称: m.name,
      出具机构: m.issuer,
      原件份数: m.originals,
      复印件份数: m.copies,
      是否必备材料: f01(m.required),
      材料形式: MATERIAL_MEDIA[m.medium],
      是否可容缺: f01(m.deferrable),
      是否可通过共享获取: f01(m.fromSharedData),
      材料可信度: m.trustLevel,
      空白表格: m.blankForm?.name ?? '',
      示例样表: m.sample?.name ?? '',
      备注: m.note,
    })),
    扩展信息: {
      收费标准: doc.fee.standard,
      网办深度代码: doc.depthFlags,
      网办深度: DEPTH_SUMMARIES[depthSummaryOf(doc.depthFlags)],
      到现场次数: doc.visits,
      是否进驻政务服务大厅: f01(doc.window.inHall),
      是否无差别全科受理: f01(doc.window.comprehensive),
      下沉层级: doc.window.grassroots.map((g) => GRASSROOTS_LEVELS[g]),
      情形: doc.situations.map((s) => ({
        情形问题: s.question,
        是否可多选: f01(s.multiple),
        选项: s.answers.map((a) => ({
          选项: a.label,
          适用材料: a.materialIds.map((id) => materialName.get(id) ?? id),
          适用受理条件: a.conditionIds.map((id) => conditionText.get(id) ?? id),
        })),
      })),
    },
  };
}
