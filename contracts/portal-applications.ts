import { z } from 'zod';
import { FormValues, SituationAnswers } from './cases.ts';
import { plainText } from './plain-text.ts';

/**
 * The portal's online applications (网上申请) while they are drafts: one per item and applicant at a
 * time, saved at every step, resumed on any device. Bodies are strict: an unknown key is a 400.
 */

const Id = plainText(z.string().trim().min(1).max(64), { multiline: false });

export const ApplicationIdParams = z.object({ id: Id });

/** A material of the draft's item to upload a file for. */
export const ApplicationMaterialParams = z.object({ id: Id, materialId: Id });

/** A file uploaded to the draft. */
export const ApplicationFileParams = z.object({ id: Id, fileId: Id });

export const StartApplicationBody = z.strictObject({ itemId: Id.describe('事项') });
export type StartApplicationInput = z.infer<typeof StartApplicationBody>;

/** A step saved: the answers to the situation questions and/or the form, at the revision read. */
export const SaveApplicationBody = z.strictObject({
  expectedRevision: z.number().int().min(1).describe('申请当前修订号（乐观并发控制）'),
  situations: SituationAnswers.optional(),
  form: FormValues.optional(),
});
export type SaveApplicationInput = z.infer<typeof SaveApplicationBody>;

/** Submitting a draft (网上提交): at the revision read; it becomes a case for pre-review. */
export const SubmitApplicationBody = z.strictObject({
  expectedRevision: z.number().int().min(1).describe('申请当前修订号（乐观并发控制）'),
});
export type SubmitApplicationInput = z.infer<typeof SubmitApplicationBody>;

export const APPLICATION_STATUSES = ['draft', 'submitted'] as const;

/** A file uploaded for a material: its type is the one detected from the content, never the name's. */
export const ApplicationFile = z.object({
  id: z.string(),
  /** The display name (sanitised: never a path). */
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type ApplicationFileView = z.infer<typeof ApplicationFile>;

export const ApplicationMaterial = z.object({
  materialId: z.string(),
  name: z.string(),
  required: z.boolean(),
  /** The files uploaded for it, oldest first. */
  files: z.array(ApplicationFile),
});

export const ApplicationView = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  itemCode: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  revision: z.number().int(),
  situations: z.record(z.string(), z.array(z.string())),
  /** The form; a field holding personal data (ID number, phone, address) is shown masked. */
  form: z.record(z.string(), z.unknown()),
  /** Fields filled from the real-name profile: not editable here (a change is made at a window). */
  lockedKeys: z.array(z.string()),
  /** The materials that apply for the answers given so far, in the guide's order. */
  materials: z.array(ApplicationMaterial),
  /** Required materials (of those that apply) with no file uploaded yet. */
  missingMaterials: z.array(z.object({ materialId: z.string(), name: z.string() })),
  /** Required form fields still without a value. */
  missingFields: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Once submitted: the number of the case it became (办件编号), null while a draft. */
  caseNumber: z.string().nullable(),
  /** When it was submitted, null while a draft. */
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OnlineApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationList = z.object({
  items: z.array(
    ApplicationView.pick({
      id: true,
      itemId: true,
      itemName: true,
      status: true,
      revision: true,
      caseNumber: true,
      updatedAt: true,
    }),
  ),
});
