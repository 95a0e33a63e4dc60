import type {
  CaseActionType,
  CaseChannel,
  CaseStatus,
  CorrectionItem,
  DecisionOutcome,
  DeliveryMethod,
  FormValue,
  MaterialForm,
  SpecialProcedureKind,
  StepRole,
  TimeLimitUnit,
} from '../../../../contracts/cases.ts';

/**
 * The case's vocabulary, types only: what an action records (its payload) and what the fold of
 * the actions gives (the state). Personal values (ID numbers, phones, addresses) appear here only masked and
 * SM4-encrypted, so the action log itself holds no clear personal data.
 */

export interface TimeLimit {
  days: number;
  unit: TimeLimitUnit;
}

/** The item as it was when the case was received: later catalogue edits do not move a running case. */
export interface ItemSnapshot {
  id: string;
  versionId: string;
  code: string;
  name: string;
  departmentId: string;
  departmentPath: string;
  departmentName: string;
  promised: TimeLimit;
  legal: TimeLimit;
  /** 统一、联合、集中办理: art. 42 allows 45 + 15 days instead of 20 + 10. */
  joint: boolean;
}

/** Where the application came in: a county-centre window, or a township / village service point. */
export interface IntakeRecord {
  /** The service centre or service point (org unit) that received it: township scope hangs on this. */
  unitId: string;
  unitPath: string;
  unitName: string;
  level: 'county' | 'township' | 'village';
  windowId: string | null;
  windowNumber: string | null;
  windowName: string | null;
  /** 代收代办: the township or village point that received it for the county department. */
  servicePointId: string | null;
  servicePointName: string | null;
}

export interface ApplicantRecord {
  kind: 'person' | 'enterprise';
  name: string;
  /** ID number (person) or unified social credit code (enterprise), masked / encrypted / digested. */
  idMasked: string;
  idEnc: string;
  /** HMAC-SM3 of the full value: exact search without decrypting every row. */
  idDigest: string;
  phoneMasked: string;
  phoneEnc: string;
  legalRepresentative: string | null;
  addressEnc: string | null;
}

export interface AgentRecord {
  name: string;
  idMasked: string;
  idEnc: string;
  phoneMasked: string;
  phoneEnc: string;
  powerOfAttorney: true;
}

export interface MaterialRecord {
  materialId: string;
  name: string;
  required: boolean;
  deferrable: boolean;
  form: MaterialForm;
  copies: number | null;
  note: string | null;
  /** 容缺: the signed promise's due date. */
  deferredUntil: string | null;
  /** When a deferred material arrived (ISO), null while outstanding. */
  suppliedAt: string | null;
  /** Online applications: the stored files (platform/files ids) the applicant uploaded for it. */
  fileIds?: string[];
}

/** One back-office step of the item's process, resolved to a department at acceptance. */
export interface ProcessStep {
  key: string;
  name: string;
  role: StepRole;
  departmentId: string;
  departmentPath: string;
  departmentName: string;
  budgetDays: number;
}

/** Who acted, and for which org unit: stamped on every action. */
export interface ActorStamp {
  accountId: string | null;
  name: string;
  orgUnitId: string | null;
}

export interface ReceivePayload {
  number: string;
  channel: CaseChannel;
  /** 一件事: the bundle case this one is a sub-case of. */
  parentId: string | null;
  item: ItemSnapshot;
  intake: IntakeRecord;
  applicant: ApplicantRecord;
  agent: AgentRecord | null;
  form: Record<string, FormValue>;
  /** ID numbers, phones and addresses typed into the form: shown masked, their full values here, SM4-encrypted. */
  formSecrets: Record<string, string>;
  situations: Record<string, string | string[]>;
  materials: MaterialRecord[];
  /**
   * The intake request's Idempotency-Key and the HMAC-SM3 of its body, when it came with one: kept
   * in the log, and folded into the state with the receiving clerk's account for the projection.
   */
  intakeKey?: IntakeKeyRecord;
}

/** An intake's Idempotency-Key (unique per clerk account) and the digest of the body it named. */
export interface IntakeKeyRecord {
  key: string;
  bodyHash: string;
}

export interface ActionPayloads {
  receive: ReceivePayload;
  /** clockStart is the receipt date when the case counted as accepted by law (art. 32). */
  accept: { clockStart: string; deemed: boolean; steps: ProcessStep[] };
  requestCorrection: { stage: 'intake' | 'process'; items: CorrectionItem[]; note: string | null };
  resubmit: { materials: MaterialRecord[]; note: string | null };
  refuse: { reason: string; competentBody: string | null; legalBasis: string | null };
  claim: { step: number };
  assign: { step: number; assigneeId: string; assigneeName: string };
  pass: { step: number; opinion: string };
  returnStep: { step: number; reason: string };
  startSpecial: { kind: SpecialProcedureKind; reason: string; expectedEnd: string };
  endSpecial: { result: string };
  extend: { days: number; reason: string };
  decide: {
    step: number;
    outcome: DecisionOutcome;
    opinion: string;
    reasons: string | null;
    legalBasis: string | null;
  };
  conclude: {
    documentName: string;
    documentNumber: string;
    validFrom: string | null;
    validUntil: string | null;
    issuer: string | null;
  };
  deliver: { method: DeliveryMethod; trackingNumber: string | null; note: string | null };
  supplyMaterial: { materialId: string; form: 'original' | 'copy' | 'electronic' };
  withdraw: { reason: string };
  void: { reason: string };
}

/** An action as decided, before the store numbers and hashes it. */
export type NewCaseAction = {
  [T in CaseActionType]: { type: T; at: string; actor: ActorStamp; payload: ActionPayloads[T] };
}[CaseActionType];

/** An action in the log: numbered from 1 within its case. */
export type CaseAction = NewCaseAction & { seq: number };

export interface StepVisit {
  index: number;
  /** Shanghai dates the case entered and left the step. */
  from: string;
  to: string | null;
  assigneeName: string | null;
}

export interface Pause {
  kind: 'correction' | 'special';
  from: string;
  to: string | null;
  reason: string;
  specialKind: SpecialProcedureKind | null;
  expectedEnd: string | null;
  result: string | null;
}

export interface CorrectionRound {
  stage: 'intake' | 'process';
  at: string;
  items: CorrectionItem[];
  note: string | null;
  answeredAt: string | null;
}

/** The fold of a case's actions: everything the projection, the clock and the policy need. */
export interface CaseState {
  id: string;
  number: string;
  version: number;
  status: CaseStatus;
  channel: CaseChannel;
  parentId: string | null;
  item: ItemSnapshot;
  intake: IntakeRecord;
  applicant: ApplicantRecord;
  agent: AgentRecord | null;
  form: Record<string, FormValue>;
  formSecrets: Record<string, string>;
  situations: Record<string, string | string[]>;
  materials: MaterialRecord[];
  /** The intake's Idempotency-Key, per receiving clerk (absent when the request had none). */
  intakeKey?: IntakeKeyRecord & { accountId: string | null };
  receivedAt: string;
  /** Latest receipt of materials (first receipt or resubmission): art. 32's five days run from it. */
  lastReceivedOn: string;
  corrections: CorrectionRound[];
  refusal: (ActionPayloads['refuse'] & { at: string }) | null;
  acceptedAt: string | null;
  clockStart: string | null;
  deemedAccepted: boolean;
  steps: ProcessStep[];
  stepIndex: number | null;
  assignee: { accountId: string; name: string } | null;
  stepVisits: StepVisit[];
  pauses: Pause[];
  extensions: { days: number; reason: string; at: string; by: string }[];
  decision: (ActionPayloads['decide'] & { at: string; by: string }) | null;
  result: (ActionPayloads['conclude'] & { at: string }) | null;
  delivery: (ActionPayloads['deliver'] & { at: string }) | null;
  closure: { kind: 'withdrawn' | 'voided'; reason: string; at: string; by: string } | null;
  lastActionAt: string;
}
