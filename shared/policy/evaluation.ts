import type { AwaitingConfirmation, ClaimKey, Decision, DecisionOutcome, DecisionReason, TargetCounts } from './decision.js';
import type { ClaimFacts, FactSource, PersonFacts } from './facts.js';
import type { Material, MaterialRequirement } from './materials.js';
import type { ParameterReading, ParameterSet, ParameterValue } from './parameters.js';

/** A sentence in the clerk's language and in English. */
export interface Sentence {
  zh: string;
  en: string;
}

type Severity = 'ineligible' | 'missing' | 'review' | 'note';

/**
 * The working state of one evaluation: the rules record what they read (facts, parameters), what they found
 * (reasons by severity), the money and the claim keys; `toDecision` folds it into a Decision. Internal to the policy
 * module: rules receive it, callers see only the Decision.
 *
 * @example
 * const evaluation = new Evaluation(facts, 'XH36-3.7.c', parameters, facts.claimDate);
 * evaluation.pay(evaluation.param<Record<string, number>>('high_skilled_talent.individual_by_level')['2']);
 * evaluation.toDecision().amountYuan; // 5000
 */
export class Evaluation {
  /** The date whose parameters apply (the programme's relevant date). */
  date: string;
  private amount = 0;
  private readonly reasons: DecisionReason[] = [];
  /** Reasons that state money to be paid: dropped from a refused decision (a refusal promises nothing). */
  private readonly paymentReasons = new Set<DecisionReason>();
  private readonly missing: string[] = [];
  private readonly missingDetails: { code: string; ruleId: string; zh: string; en: string }[] = [];
  private readonly trace: Decision['trace'] = [];
  private readonly unconfirmed: string[] = [];
  private readonly readings = new Map<string, ParameterReading>();
  private readonly interpretations: string[] = [];
  private readonly claimKeys: ClaimKey[] = [];
  private worst: Severity = 'note';
  private readonly counts: TargetCounts = { personTimes: 0, certificates: [] };
  private countsEvenIfRefused = false;
  private paid = false;

  constructor(
    readonly facts: ClaimFacts,
    readonly programme: string,
    readonly parameters: ParameterSet,
    date: string,
  ) {
    this.date = date;
  }

  /** A parameter's value on the evaluation date (or `date`); records unconfirmed figures. Throws when none is in force. */
  param<T extends ParameterValue>(name: string, date: string = this.date): T {
    return this.reading<T>(name, date).value as T;
  }

  reading<T extends ParameterValue>(name: string, date: string = this.date): ParameterReading<T> {
    const reading = this.parameters.get<T>(name, date);
    if (reading.status !== 'confirmed' && !this.unconfirmed.includes(name)) {
      this.unconfirmed.push(name);
      this.readings.set(name, reading);
    }
    return reading;
  }

  /** The reading chosen for an open point of the policy (docs/policy-interpretation.md). */
  interpretation(name: string): string {
    const reading = this.parameters.get<string>(`interpretation.${name}`, this.date);
    const label = `interpretation.${name}=${String(reading.value)}`;
    if (!this.interpretations.includes(label)) this.interpretations.push(label);
    return String(reading.value);
  }

  /** Records a fact the decision relied on, with the document and field it came from when known. */
  use(fact: string, value: unknown, source?: FactSource): void {
    if (value === undefined) return; // unknown facts explain nothing; the reasons say what could not be established
    this.trace.push(source ? { fact, value, documentId: source.documentId, field: source.field } : { fact, value });
  }

  /** A fact object's property, recorded in the trace with its provenance. */
  read<T extends { sources?: Record<string, FactSource> }, K extends keyof T & string>(path: string, object: T, key: K): T[K] {
    const value = object[key];
    const source = object.sources?.[key];
    this.use(`${path}.${key}`, key === 'idNumber' ? maskIdNumber(value) : value, source);
    const unverified = this.facts.unverifiedFields;
    if (source && value !== undefined && unverified && unverified.some((u) => u.documentId === source.documentId && u.field === source.field)) {
      this.review(this.programme, {
        zh: `识别结果待核对：${path}.${key}（材料${source.documentId}，字段${source.field}）`,
        en: `read with low confidence, to be checked: ${path}.${key} (document ${source.documentId}, field ${source.field})`,
      });
    }
    return value;
  }

  ineligible(ruleId: string, sentence: Sentence): void {
    this.add('ineligible', ruleId, sentence);
  }

  review(ruleId: string, sentence: Sentence): void {
    this.add('review', ruleId, sentence);
  }

  note(ruleId: string, sentence: Sentence): void {
    this.add('note', ruleId, sentence);
  }

  /**
   * A sentence stating an amount to be paid (“二级（技师）证书，一次性补贴5000元”). It appears only in a decision
   * that pays: a refused decision states what was found, never an amount.
   */
  payable(ruleId: string, sentence: Sentence): void {
    this.add('note', ruleId, sentence);
    this.paymentReasons.add(this.reasons[this.reasons.length - 1]);
  }

  missingDocument(requirement: MaterialRequirement): void {
    if (this.missing.includes(requirement.code)) return;
    this.missing.push(requirement.code);
    this.missingDetails.push({ code: requirement.code, ruleId: requirement.ruleId, zh: requirement.zh, en: requirement.en });
    this.add('missing', requirement.ruleId, { zh: `缺少材料：${requirement.zh}`, en: `missing document: ${requirement.en}` });
  }

  /**
   * Counts the claim towards XH36-1's yearly aims: `personTimes` trained and the certificates obtained. Counted only
   * when the claim is not refused (`evenIfRefused` for sector training, which is recorded, not paid).
   */
  countTowardsTarget(personTimes: number, certificates: { kind: string; level?: string | number; count?: number }[] = [], evenIfRefused = false): void {
    this.counts.personTimes += personTimes;
    for (const c of certificates) {
      const level = c.level === undefined ? undefined : String(c.level);
      const count = c.count ?? 1;
      const existing = this.counts.certificates.find((x) => x.kind === c.kind && x.level === level);
      if (existing) existing.count += count;
      else this.counts.certificates.push(level === undefined ? { kind: c.kind, count } : { kind: c.kind, level, count });
    }
    if (evenIfRefused) this.countsEvenIfRefused = true;
  }

  pay(amountYuan: number): void {
    this.amount += amountYuan;
    this.paid = true;
  }

  /**
   * A fact the rule needs is absent: if its document was handed in, it could not be read (review); if not, the
   * materials check has already asked for it.
   */
  unreadable(ruleId: string, material: Material, sentence: Sentence): void {
    if (this.facts.materials.includes(material)) {
      this.review(ruleId, { zh: `${sentence.zh}未能从材料中识别`, en: `${sentence.en} could not be read from the documents` });
    }
  }

  claimKey(key: ClaimKey): void {
    this.claimKeys.push(key);
  }

  get isIneligible(): boolean {
    return this.worst === 'ineligible';
  }

  /** The first (or referenced) person of the claim. */
  person(ref?: string): PersonFacts | undefined {
    const persons = this.facts.persons;
    if (ref !== undefined) return persons.find((p) => p.ref === ref) ?? (persons.length === 1 ? persons[0] : undefined);
    return persons[0];
  }

  toDecision(): Decision {
    if (this.worst === 'note' && !this.paid) {
      // Nothing refused, nothing missing, yet no amount: never report that as eligible.
      this.review('XH36-3', { zh: '根据现有事实无法确定补贴金额', en: 'the facts do not establish an amount' });
    }
    const outcome: DecisionOutcome =
      this.worst === 'ineligible' ? 'ineligible' : this.worst === 'missing' ? 'missing_documents' : this.worst === 'review' ? 'needs_review' : 'eligible';
    const amountYuan = outcome === 'ineligible' ? 0 : this.amount;
    const reasons = outcome === 'ineligible' ? this.reasons.filter((r) => !this.paymentReasons.has(r)) : [...this.reasons];
    const awaiting = amountYuan > 0 ? this.awaitingConfirmation() : [];
    if (awaiting.length > 0) reasons.push(awaitingSentence(this.programme, awaiting));
    return {
      programme: this.programme,
      outcome,
      amountYuan,
      amountStatus: amountYuan === 0 ? 'none' : awaiting.length > 0 ? 'awaiting_confirmation' : 'final',
      ...(awaiting.length > 0 ? { awaitingConfirmation: awaiting } : {}),
      reasons,
      missingDocuments: this.missing,
      trace: this.trace,
      unconfirmedParameters: this.unconfirmed,
      claimKeys: outcome === 'ineligible' ? [] : this.claimKeys,
      evaluatedOn: this.date,
      missingDocumentDetails: this.missingDetails,
      interpretationsApplied: this.interpretations,
      ...(this.counts.personTimes > 0 || this.counts.certificates.length > 0
        ? { targetCounts: outcome === 'ineligible' && !this.countsEvenIfRefused ? { personTimes: 0, certificates: [] } : this.counts }
        : {}),
    };
  }

  /** The figures behind the amount that the bureau has not confirmed (status `unconfirmed`), with their documents. */
  private awaitingConfirmation(): AwaitingConfirmation[] {
    const out: AwaitingConfirmation[] = [];
    for (const name of this.unconfirmed) {
      const reading = this.readings.get(name);
      if (!reading || reading.status !== 'unconfirmed') continue;
      out.push({
        parameter: name,
        value: reading.value,
        document: reading.reference.document,
        clause: reading.reference.clause,
        ...(reading.reference.source ? { source: reading.reference.source } : {}),
      });
    }
    return out;
  }

  private add(severity: Severity, ruleId: string, sentence: Sentence): void {
    this.reasons.push({ ruleId, zh: sentence.zh, en: sentence.en });
    if (rank[severity] > rank[this.worst]) this.worst = severity;
  }
}

/**
 * The sentence that makes an amount resting on unconfirmed figures visible as such (XH36 delegates these standards to
 * other documents; the figures are reported, not confirmed by the bureau).
 */
function awaitingSentence(programme: string, awaiting: readonly AwaitingConfirmation[]): DecisionReason {
  const zh = awaiting.map((a) => `${a.parameter}（${a.document} ${a.clause}）`).join('、');
  const en = awaiting.map((a) => `${a.parameter} (${a.document}, ${a.clause})`).join(', ');
  return {
    ruleId: programme,
    zh: `金额待区人社局确认：所依据的标准${zh}尚未经确认`,
    en: `amount awaiting the bureau's confirmation: it rests on unconfirmed figure(s) ${en}`,
  };
}

const rank: Record<Severity, number> = { note: 0, review: 1, missing: 2, ineligible: 3 };

/**
 * An ID number with the middle hidden (decisions end up in logs and exports; see the PII rule).
 *
 * @example
 * maskIdNumber('330106199001011234'); // '330106********1234'
 */
export function maskIdNumber(value: unknown): unknown {
  if (typeof value !== 'string' || value.length < 10) return value;
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
