/**
 * Procedural families: named regions of the layout parameter space. A family does not hold a template; it says
 * which placements, label styles, columns, fonts, date styles, overlays and masks a page may draw. Held-out families
 * (`heldOut: true`) draw from regions no seen family touches (placements, fonts, label wording, overlays) and must
 * never be used to tune the reader.
 */
import type { DocumentKind } from '../factory/documents.js';
import type { Rng } from '../factory/random.js';
import type { ProceduralDateStyle } from './dates.js';
import type { FieldLayoutChances } from './field-variants.js';
import { type FormVarietyChances, GROUP_CAPTIONS } from './form-variety.js';
import type { LabelStyle, LayoutParams, MaskStyle, Placement } from './parts.js';

export type ProceduralKind = Extract<
  DocumentKind,
  | 'skill_level'
  | 'qualification'
  | 'special_ability'
  | 'special_operation'
  | 'training_completion'
  | 'labor_contract'
  | 'social_insurance_record'
  | 'business_license'
  | 'id_card'
>;

export const CERTIFICATE_KINDS = ['skill_level', 'qualification', 'special_ability', 'special_operation', 'training_completion'] as const;

/** Overlay chances per page. */
export interface Overlays {
  /** A red seal across the issuer and date lines. */
  sealOverIssuer: number;
  /** A signature stroke over the seal. */
  signature: number;
  /** A diagonal site watermark over the whole page. */
  watermark: number;
  /** A `仅限…使用` / `与原件一致` stamp over one value. */
  stamp: number;
  /** Text printed right after a value (`（盖章）`, `以下空白`, `（1-1）`). */
  after: number;
  /** An annual-inspection stamp with handwriting (licences). */
  inspection: number;
}

export interface FamilyRegion {
  fonts: readonly string[];
  /** Fonts values may be printed in when they are filled in by another printer. */
  fillInFonts: readonly string[];
  sizes: readonly [number, number];
  labelStyles: readonly LabelStyle[];
  placements: readonly Placement[];
  columns: readonly (1 | 2)[];
  colons: readonly string[];
  /** Chance values sit off their label's baseline (dot-matrix fill-in), and by how much (mm, either way). */
  offBaseline: { chance: number; mm: readonly [number, number] };
  wrapLines: readonly number[];
  dateStyles: readonly ProceduralDateStyle[];
  overlays: Overlays;
  /** Chance a document has masked fields, and the masks used. */
  mask: { chance: number; styles: readonly MaskStyle[] };
  /** `seen` draws common label words only; `all` draws rare ones too; `h3` the proc-H3 words (lexicon.ts H3_WORDS). */
  lexicon: 'common' | 'all' | 'h3';
  /** Certificates: chance of an old booklet spread (two pages on one landscape sheet), and of a 兹证明 sentence. */
  booklet: number;
  sentence: number;
  /** Chance a page is landscape (licence 副本, landscape certificates). */
  landscape: number;
  /** Per-field layout variants (field-variants.ts); absent: none drawn, and no draw taken. */
  fieldLayouts?: FieldLayoutChances;
  /**
   * Chance the whole fill-in layer of a page is printed off the preprinted labels by one offset (a form fed a few
   * millimetres off through a dot-matrix printer): 0.3–1.0 of a row pitch up or down, sometimes a little sideways.
   * Absent: never drawn, and no draw taken.
   */
  pageShift?: number;
  /**
   * Chance a page prints its labels smaller than its values (a preprinted form's small captions, a fill-in in larger
   * type), and the labels' size as a share of the values'. Absent: never drawn, and no draw taken.
   */
  smallLabels?: { chance: number; scale: readonly [number, number] };
  /** Licences: chance a licence is a branch's (负责人, 营业场所) rather than drawn evenly; absent: no draw taken. */
  branchLicence?: number;
  /** Form variety (form-variety.ts): decorated labels, code boxes, full-width digits, look-alike pairs, other parties. */
  formVariety?: FormVarietyChances;
  /** What only the proc-H3 held-out families draw (absent: none of it, and no draw taken). */
  h3?: H3Chances;
}

/**
 * The proc-H3 region's own draws (2026-12-07, family32), beside its placements (`caption_under`, `right_label`,
 * `vertical_cell`, `header_row`), fonts and wording: security paper, values in another font and size (sometimes
 * handwritten), and the data real documents hold and the factory does not make.
 */
export interface H3Chances {
  /** A security background: a tinted sheet under a light guilloche rosette and wave bands (ID cards: on the card). */
  security: number;
  /** Values at this multiple of the labels' size, always in one of the fill-in fonts. */
  valueScale: readonly [number, number];
  /** Values written by hand: blue ink, each character a little turned, lifted and sized. */
  handwritten: number;
  /** Names with a middle dot (`阿不都·热合曼`); else, at `fourChar`, a compound surname no other family draws. */
  dotName: number;
  fourChar: number;
  /** Company names with brackets (`浙江某某（集团）有限公司`, `某某（中国）有限公司`, `…合伙企业（有限合伙）`). */
  bracketCompany: number;
  /** Addresses with 弄, 单元 or `3-1-502室`. */
  laneAddress: number;
}

export interface ProceduralFamily {
  name: string;
  heldOut: boolean;
  kinds: readonly ProceduralKind[];
  region: FamilyRegion;
}

const SEEN_FONTS = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'AR PL UMing CN', 'WenQuanYi Zen Hei'] as const;
/** Installed CJK fonts (`fc-list :lang=zh`) that no seen family uses. */
const HELD_OUT_FONTS = ['Noto Serif CJK TC', 'Noto Sans Mono CJK SC', 'WenQuanYi Zen Hei Mono', 'Noto Sans CJK JP'] as const;
const DOT_MATRIX = ['WenQuanYi Zen Hei Sharp', 'Noto Sans Mono CJK SC'] as const;

const NO_OVERLAYS: Overlays = { sealOverIssuer: 0, signature: 0, watermark: 0, stamp: 0, after: 0, inspection: 0 };

const base: FamilyRegion = {
  fonts: SEEN_FONTS,
  fillInFonts: SEEN_FONTS,
  sizes: [11, 13.5],
  labelStyles: ['plain', 'justify', 'fullwidth_spaces'],
  placements: ['beside'],
  columns: [1],
  colons: ['：', ''],
  offBaseline: { chance: 0, mm: [0, 0] },
  wrapLines: [1, 2],
  dateStyles: ['cn_padded', 'cn', 'cn_upper', 'dotted', 'dashed'],
  overlays: { ...NO_OVERLAYS, sealOverIssuer: 0.8, signature: 0.2 },
  mask: { chance: 0, styles: [] },
  lexicon: 'common',
  booklet: 0,
  sentence: 0,
  landscape: 0.3,
};

const CERTS = CERTIFICATE_KINDS;

export const PROCEDURAL_FAMILIES: readonly ProceduralFamily[] = [
  // Certificates
  {
    name: 'certificate/proc-A',
    heldOut: false,
    kinds: CERTS,
    region: { ...base, placements: ['beside'], columns: [1, 2], wrapLines: [1, 2], overlays: { ...base.overlays, after: 0.2 } },
  },
  {
    name: 'certificate/proc-B',
    heldOut: false,
    kinds: CERTS,
    region: {
      ...base,
      placements: ['cell', 'beside'],
      columns: [1, 2],
      dateStyles: [...base.dateStyles, 'cn_nian', 'fill_in'],
      booklet: 0.35,
      overlays: { ...base.overlays, stamp: 0.3, watermark: 0.2 },
      mask: { chance: 0.25, styles: ['bar', 'stars'] },
    },
  },
  {
    name: 'certificate/proc-H1',
    heldOut: true,
    kinds: CERTS,
    region: {
      ...base,
      fonts: HELD_OUT_FONTS,
      fillInFonts: DOT_MATRIX,
      placements: ['above', 'leader'],
      columns: [1, 2],
      labelStyles: ['justify', 'ascii_spaces'],
      colons: ['', ':'],
      offBaseline: { chance: 0.5, mm: [1.2, 3] },
      wrapLines: [2, 3],
      dateStyles: ['cn_nian', 'slashed', 'cn_spaced', 'fill_in', 'cn_upper'],
      overlays: { sealOverIssuer: 0.9, signature: 0.5, watermark: 0.35, stamp: 0.35, after: 0.3, inspection: 0 },
      mask: { chance: 0.3, styles: ['blur', 'bar', 'stars'] },
      lexicon: 'all',
      booklet: 0.3,
      sentence: 0.35,
    },
  },
  // Business licences (every generation and registrant in every family: families differ by layout)
  {
    name: 'licence/proc-A',
    heldOut: false,
    kinds: ['business_license'],
    region: { ...base, placements: ['beside'], columns: [1, 2], wrapLines: [1, 2, 3], landscape: 0.5, overlays: { ...base.overlays, after: 0.4, stamp: 0.2 } },
  },
  {
    name: 'licence/proc-B',
    heldOut: false,
    kinds: ['business_license'],
    region: {
      ...base,
      placements: ['cell', 'beside'],
      columns: [1, 2],
      wrapLines: [2, 3],
      landscape: 0.5,
      dateStyles: [...base.dateStyles, 'cn_nian'],
      overlays: { ...base.overlays, after: 0.4, watermark: 0.3, inspection: 0.4 },
      mask: { chance: 0.25, styles: ['bar', 'stars'] },
    },
  },
  {
    name: 'licence/proc-H1',
    heldOut: true,
    kinds: ['business_license'],
    region: {
      ...base,
      fonts: HELD_OUT_FONTS,
      fillInFonts: DOT_MATRIX,
      placements: ['above', 'leader', 'cell'],
      columns: [1, 2],
      labelStyles: ['justify', 'fullwidth_spaces', 'ascii_spaces'],
      colons: ['', ':', '：'],
      offBaseline: { chance: 0.4, mm: [1.2, 3] },
      wrapLines: [2, 3],
      landscape: 0.5,
      dateStyles: ['cn_nian', 'slashed', 'cn_spaced', 'fill_in', 'cn_upper'],
      overlays: { sealOverIssuer: 0.9, signature: 0.3, watermark: 0.4, stamp: 0.4, after: 0.5, inspection: 0.3 },
      mask: { chance: 0.3, styles: ['blur', 'bar', 'stars'] },
      lexicon: 'all',
    },
  },
  // Social-insurance records
  {
    name: 'record/proc-A',
    heldOut: false,
    kinds: ['social_insurance_record'],
    region: { ...base, placements: ['beside', 'cell'], columns: [1, 2], landscape: 0, overlays: { ...base.overlays, watermark: 0.3 } },
  },
  {
    name: 'record/proc-H1',
    heldOut: true,
    kinds: ['social_insurance_record'],
    region: {
      ...base,
      fonts: HELD_OUT_FONTS,
      placements: ['above', 'leader'],
      columns: [1, 2],
      labelStyles: ['justify', 'ascii_spaces'],
      landscape: 0.3,
      dateStyles: ['cn_nian', 'slashed', 'fill_in'],
      overlays: { ...base.overlays, watermark: 0.5, stamp: 0.4 },
      mask: { chance: 0.3, styles: ['blur', 'stars'] },
      lexicon: 'all',
    },
  },
  // ID cards (copies on A4)
  {
    name: 'id-card/proc-A',
    heldOut: false,
    kinds: ['id_card'],
    region: { ...base, landscape: 0.3, overlays: { ...NO_OVERLAYS, stamp: 0.3 } },
  },
  {
    name: 'id-card/proc-H1',
    heldOut: true,
    kinds: ['id_card'],
    region: {
      ...base,
      fonts: HELD_OUT_FONTS,
      landscape: 0.6,
      overlays: { ...NO_OVERLAYS, stamp: 0.8, watermark: 0.5 },
      mask: { chance: 0.35, styles: ['blur', 'bar', 'stars'] },
      lexicon: 'all',
    },
  },
  // Labour contracts (single-page forms)
  {
    name: 'contract/proc-A',
    heldOut: false,
    kinds: ['labor_contract'],
    region: { ...base, placements: ['cell', 'beside'], columns: [1, 2], landscape: 0, overlays: { ...base.overlays, after: 0.2 } },
  },
  {
    name: 'contract/proc-H1',
    heldOut: true,
    kinds: ['labor_contract'],
    region: {
      ...base,
      fonts: HELD_OUT_FONTS,
      fillInFonts: DOT_MATRIX,
      placements: ['leader', 'above'],
      columns: [1, 2],
      labelStyles: ['justify', 'ascii_spaces'],
      offBaseline: { chance: 0.5, mm: [1.2, 3] },
      landscape: 0,
      dateStyles: ['cn_nian', 'slashed', 'fill_in', 'cn_spaced'],
      overlays: { ...base.overlays, watermark: 0.3, stamp: 0.3, signature: 0.6 },
      mask: { chance: 0.3, styles: ['blur', 'bar', 'stars'] },
      lexicon: 'all',
    },
  },
];

/** CJK fonts no other family uses (Taiwan/Hong Kong/Japan/Korea cuts of the same designs, UMing TW). */
const V3_FONTS = ['AR PL UMing TW', 'Noto Serif CJK JP', 'Noto Sans CJK KR', 'Noto Sans CJK HK'] as const;

/**
 * The procedural-v3 held-out families (never tune on them): structures no family above draws: ruled grids whose
 * label cells carry 中文 over an English gloss (values centred or left in their cells), and fill-in-the-blank prose
 * where label/value pairs run on through a paragraph with each value on an underlined blank. Not in
 * PROCEDURAL_FAMILIES, so procedural-v1/v2 regenerate unchanged; `cli.ts --families` draws them by name.
 */
const v3Region: FamilyRegion = {
  ...base,
  fonts: V3_FONTS,
  fillInFonts: V3_FONTS,
  sizes: [10.5, 13],
  placements: ['bilingual_cell', 'underline'],
  columns: [1, 2],
  labelStyles: ['plain', 'justify', 'fullwidth_spaces'],
  colons: ['', '：', ':'],
  wrapLines: [1, 2, 3],
  dateStyles: ['cn_padded', 'cn', 'cn_upper', 'dotted', 'slashed', 'cn_nian'],
  overlays: { ...base.overlays, sealOverIssuer: 0.7, watermark: 0.2, stamp: 0.2, after: 0.2 },
  mask: { chance: 0.15, styles: ['bar', 'stars'] },
  lexicon: 'all',
};

export const PROCEDURAL_V3_FAMILIES: readonly ProceduralFamily[] = [
  { name: 'certificate/proc-H2', heldOut: true, kinds: CERTS, region: { ...v3Region, landscape: 0.3 } },
  {
    name: 'licence/proc-H2',
    heldOut: true,
    kinds: ['business_license'],
    region: { ...v3Region, landscape: 0.5, overlays: { ...v3Region.overlays, inspection: 0.2 } },
  },
  { name: 'record/proc-H2', heldOut: true, kinds: ['social_insurance_record'], region: { ...v3Region, landscape: 0 } },
  {
    name: 'contract/proc-H2',
    heldOut: true,
    kinds: ['labor_contract'],
    region: { ...v3Region, landscape: 0, overlays: { ...v3Region.overlays, signature: 0.5 } },
  },
];

/**
 * Tuned (seen) families that draw per-field layout variants: values off their label's line, values stacked above or
 * below their labels, spaced labels (issue 12 classes 1 and 5), mixed into the seen families' layouts, fonts and
 * wording. They stay off every held-out region (no held-out font, placement, label style or wording) and are not in
 * PROCEDURAL_FAMILIES, so procedural-v1/v2 regenerate unchanged; `cli.ts --families` draws them by name. Label/value
 * grids only: a pair stacked in a ruled table's cell throws the table's column widths out.
 */
const FIELD_LAYOUTS: FieldLayoutChances = { offBaseline: 0.25, stacked: 0.2, spaced: 0.3 };

export const PROCEDURAL_FIELD_FAMILIES: readonly ProceduralFamily[] = [
  {
    name: 'certificate/proc-C',
    heldOut: false,
    kinds: CERTS,
    region: { ...base, placements: ['beside'], columns: [1, 2], overlays: { ...base.overlays, after: 0.2 }, fieldLayouts: FIELD_LAYOUTS },
  },
  {
    name: 'licence/proc-C',
    heldOut: false,
    kinds: ['business_license'],
    region: {
      ...base,
      placements: ['beside'],
      columns: [1, 2],
      wrapLines: [1, 2, 3],
      landscape: 0.5,
      overlays: { ...base.overlays, after: 0.3 },
      fieldLayouts: FIELD_LAYOUTS,
    },
  },
  {
    name: 'record/proc-C',
    heldOut: false,
    kinds: ['social_insurance_record'],
    region: { ...base, placements: ['beside'], columns: [1, 2], landscape: 0, fieldLayouts: FIELD_LAYOUTS },
  },
  {
    name: 'contract/proc-C',
    heldOut: false,
    kinds: ['labor_contract'],
    region: { ...base, placements: ['beside'], columns: [1, 2], landscape: 0, fieldLayouts: FIELD_LAYOUTS },
  },
];

/**
 * The per-field families with their whole fill-in layer shifted on most pages (`values:page-shift`, issue 12 class 5):
 * proc-C's regions and per-field draws otherwise, under new names so proc-C's seeds regenerate unchanged.
 */
export const PROCEDURAL_PAGE_SHIFT_FAMILIES: readonly ProceduralFamily[] = PROCEDURAL_FIELD_FAMILIES.map((f) => ({
  ...f,
  name: f.name.replace('proc-C', 'proc-CS'),
  region: { ...f.region, pageShift: 0.7 },
}));

/**
 * Tuned families for where values sit (issue 12, labels12c): proc-C's regions with values on a fill-in line over
 * their label, leader dots or underscores between label and value, more labels spaced with ASCII spaces, the whole
 * fill-in layer 1–3 mm off the labels' baseline on a third of the pages (in the page's own seen fonts), and branch
 * licences (负责人, 营业场所) on half the licences. Still off every held-out font, placement, label style and wording:
 * leaders and spacing are drawn per field inside the seen `beside` grid.
 */
const WHERE_VALUES_SIT: FieldLayoutChances = { offBaseline: 0.15, stacked: 0.1, spaced: 0.4, asciiShare: 0.8, ruledAbove: 0.12, leader: 0.25 };

export const PROCEDURAL_WHERE_FAMILIES: readonly ProceduralFamily[] = PROCEDURAL_FIELD_FAMILIES.map((f) => ({
  ...f,
  name: f.name.replace('proc-C', 'proc-D'),
  region: {
    ...f.region,
    offBaseline: { chance: 0.35, mm: [1, 3] },
    fieldLayouts: WHERE_VALUES_SIT,
    ...(f.kinds.includes('business_license') ? { branchLicence: 0.5, columns: [2] as const, wrapLines: [2, 3] } : {}),
  },
}));

/**
 * Tuned families for form variety (issue 12, family12): the seen fonts, placements (beside, ruled cells) and wording,
 * ruled grids with label cells over value cells (`grid_stacked`) and items grouped under a merged caption cell,
 * plus what real Chinese forms do and no earlier family drew: numbered or bracketed labels, `:`/`∶` colons, codes in
 * boxes or spaced groups, full-width digits, dates without leading zeros, shuffled order, look-alike pairs about
 * someone else (`紧急联系人身份证号`, `原单位`, `曾用名`), another organisation in the header and the clerks in the
 * footer. Off every held-out font, placement, label style and wording; not in PROCEDURAL_FAMILIES.
 */
const FORM_VARIETY: FormVarietyChances = {
  labelDecor: 0.5,
  codeCells: 0.35,
  fullwidthDigits: 0.2,
  distractors: 0.6,
  shuffle: 0.35,
  otherParties: 0.5,
  groupCaption: 0.4,
};
const formRegion: FamilyRegion = {
  ...base,
  placements: ['beside', 'cell', 'grid_stacked'],
  columns: [1, 2],
  colons: ['：', ':', '∶', ''],
  dateStyles: [...base.dateStyles, 'dashed_short', 'slashed_short', 'dotted_short'],
  overlays: { ...base.overlays, after: 0.15 },
  formVariety: FORM_VARIETY,
};

export const PROCEDURAL_FORM_FAMILIES: readonly ProceduralFamily[] = [
  { name: 'certificate/proc-E', heldOut: false, kinds: CERTS, region: formRegion },
  { name: 'licence/proc-E', heldOut: false, kinds: ['business_license'], region: { ...formRegion, wrapLines: [1, 2, 3], landscape: 0.5 } },
  { name: 'record/proc-E', heldOut: false, kinds: ['social_insurance_record'], region: { ...formRegion, landscape: 0 } },
  { name: 'contract/proc-E', heldOut: false, kinds: ['labor_contract'], region: { ...formRegion, landscape: 0 } },
];

/**
 * Seen families for issue 12's class 9 (masked fields): proc-A's layouts with every document masked, by a bar, a
 * blurred smudge or stars. Before these, only certificate/licence proc-B masked (bar and stars) and blurred smudges
 * and masked contracts, records and ID cards existed in held-out families alone.
 */
export const PROCEDURAL_MASK_FAMILIES: readonly ProceduralFamily[] = PROCEDURAL_FAMILIES.filter((f) => !f.heldOut && f.name.endsWith('/proc-A')).map((f) => ({
  ...f,
  name: f.name.replace('proc-A', 'proc-M'),
  region: { ...f.region, mask: { chance: 1, styles: ['blur', 'bar', 'stars'] as const } },
}));

/**
 * Seen families for issue 12's class 5 with labels over their values: proc-C's regions with most values stacked under
 * (or over) their label and the page's fill-in layer printed 1.2–3 mm off the labels' baseline on most pages, so a
 * value rides up into its label's line or down towards the next label (dot-matrix fill-in on a printed form). The
 * seen fonts and wording only; the held-out `above` placement and its fonts stay unseen.
 */
export const PROCEDURAL_STACKED_FAMILIES: readonly ProceduralFamily[] = PROCEDURAL_FIELD_FAMILIES.map((f) => ({
  ...f,
  name: f.name.replace('proc-C', 'proc-S'),
  region: { ...f.region, offBaseline: { chance: 0.7, mm: [1.2, 3] as const }, fieldLayouts: { offBaseline: 0, stacked: 0.7, spaced: 0.3 } },
}));

/**
 * Seen families for the class of small labels with their values printed right under them (a preprinted form's small
 * captions, `用 工 单 位`, with the fill-in in larger type just below, touching or overlapping the caption's line):
 * proc-S's regions, stacking and off-baseline fill-in, with the labels at 0.55–0.75 of the values' size on most pages.
 * The seen fonts and wording only.
 */
export const PROCEDURAL_SMALL_LABEL_FAMILIES: readonly ProceduralFamily[] = PROCEDURAL_STACKED_FAMILIES.map((f) => ({
  ...f,
  name: f.name.replace('proc-S', 'proc-L'),
  region: { ...f.region, smallLabels: { chance: 0.8, scale: [0.55, 0.75] as const } },
}));

/**
 * A seen family for issue 12's class 5 on ID cards: copies of cards with a stamped `仅供…使用` across them on most pages
 * and a tiled site watermark on more than half, in the seen fonts. Held-out ID cards (more stamps and watermarks than
 * proc-A's, other fonts) lost 14 of 160 fields over five held-out samples (tags only); a first sample of this family
 * (seed 9802, 15 cards) read 54/60, so the class shows on seen parts too.
 */
export const PROCEDURAL_OVERPRINTED_CARD_FAMILIES: readonly ProceduralFamily[] = [
  {
    name: 'id-card/proc-W',
    heldOut: false,
    kinds: ['id_card'],
    region: { ...base, landscape: 0.6, overlays: { ...NO_OVERLAYS, stamp: 0.8, watermark: 0.6 }, lexicon: 'all' },
  },
];

/**
 * Seen families for the run-on class (labels and values in one sentence, fill-in-the-blank): proc-C's regions, fonts
 * and wording with every block's pairs run on in prose (run-on.ts draws the separators, internal spaces and colons of
 * labels, underlined blanks, narrow and wide columns, pairs to a line, prose words and dates in prose), the fill-in a
 * little off the labels' baseline on a fifth of the pages. No per-field stacking or shifting. The held-out
 * `underline` placement and its fonts stay unseen.
 */
export const PROCEDURAL_RUN_ON_FAMILIES: readonly ProceduralFamily[] = PROCEDURAL_FIELD_FAMILIES.map((f) => {
  const { fieldLayouts: _none, ...region } = f.region;
  return {
    ...f,
    name: f.name.replace('proc-C', 'proc-R'),
    region: { ...region, placements: ['run_on'] as const, columns: [1] as const, offBaseline: { chance: 0.2, mm: [0.4, 1.2] as const } },
  };
});

/**
 * A seen family for licences that flow each value into the next row (issue 12: real licences' names and addresses):
 * every label spread across a narrow cell at a row's end, no colon, its value opening the next row and running on to
 * that row's label, a date's year sometimes left at the row's end, 经营范围's prose under the last value (parts.ts,
 * `flowBlock`). The seen fonts and wording only; last in the list, so every other family draws as before.
 */
export const PROCEDURAL_FLOW_FAMILIES: readonly ProceduralFamily[] = [
  {
    name: 'licence/proc-F',
    heldOut: false,
    kinds: ['business_license'],
    region: {
      ...base,
      placements: ['flow'],
      colons: [''],
      wrapLines: [1],
      landscape: 0.5,
      dateStyles: ['cn_padded', 'cn', 'cn_upper', 'dotted', 'dashed'],
      overlays: { ...base.overlays, stamp: 0.2, watermark: 0.2 },
    },
  },
];

/** Installed CJK fonts (`fc-list :lang=zh`) no other family uses: labels in the first three, values in the last three. */
const H3_LABEL_FONTS = ['Noto Serif CJK KR', 'Noto Serif CJK HK', 'AR PL UMing HK'] as const;
const H3_VALUE_FONTS = ['AR PL UMing TW MBE', 'Noto Sans Mono CJK TC', 'Noto Sans Mono CJK HK'] as const;

const H3: H3Chances = {
  security: 0.6,
  valueScale: [1.1, 1.35],
  handwritten: 0.3,
  dotName: 0.3,
  fourChar: 0.25,
  bracketCompany: 0.6,
  laneAddress: 0.6,
};

/**
 * The proc-H3 held-out region (2026-12-07, family32; never tune on it): placements no other family draws —
 * `caption_under` (fill-in lines across the row, each value on its line with its label small under it, no colon),
 * `right_label` (labels right-aligned in their column, values left-aligned after a wide gap), `vertical_cell` (a ruled
 * table whose label cells set their label top to bottom, one character a row, beside the value) and `header_row` (a
 * ruled table with five to seven labels as a header row, wrapping in their cells, one row of values under them) —
 * on security paper, in fonts and label words no other family uses, values in another font and size (sometimes
 * handwritten), with names like `阿不都·热合曼`, bracketed company names and addresses with 弄/单元/`3-1-502室`. Not in
 * PROCEDURAL_FAMILIES or any other list, so every other family draws as before; `cli.ts --families` draws them by name.
 */
const h3Region: FamilyRegion = {
  ...base,
  fonts: H3_LABEL_FONTS,
  fillInFonts: H3_VALUE_FONTS,
  sizes: [10, 12.5],
  labelStyles: ['plain', 'ascii_spaces', 'fullwidth_spaces'],
  placements: ['caption_under', 'right_label', 'vertical_cell', 'header_row'],
  columns: [1, 2],
  colons: ['', '：', ':'],
  wrapLines: [1, 2],
  dateStyles: ['cn_padded', 'cn', 'cn_upper', 'dotted', 'dashed', 'slashed', 'cn_spaced'],
  overlays: { ...base.overlays, sealOverIssuer: 0.7, signature: 0.3, stamp: 0.15, after: 0.15 },
  mask: { chance: 0.15, styles: ['bar', 'stars', 'blur'] },
  lexicon: 'h3',
  h3: H3,
};

export const PROCEDURAL_H3_FAMILIES: readonly ProceduralFamily[] = [
  { name: 'certificate/proc-H3', heldOut: true, kinds: CERTS, region: { ...h3Region, landscape: 0.35 } },
  { name: 'licence/proc-H3', heldOut: true, kinds: ['business_license'], region: { ...h3Region, landscape: 0.5 } },
  { name: 'record/proc-H3', heldOut: true, kinds: ['social_insurance_record'], region: { ...h3Region, landscape: 0.2 } },
  {
    name: 'contract/proc-H3',
    heldOut: true,
    kinds: ['labor_contract'],
    region: { ...h3Region, landscape: 0, overlays: { ...h3Region.overlays, signature: 0.5 } },
  },
  { name: 'id-card/proc-H3', heldOut: true, kinds: ['id_card'], region: { ...h3Region, landscape: 0.4, overlays: { ...NO_OVERLAYS, stamp: 0.3 } } },
];

/** Every family the generator knows, v1/v2's, v3's and the per-field ones, for `--families`. */
export const ALL_PROCEDURAL_FAMILIES: readonly ProceduralFamily[] = [
  ...PROCEDURAL_FAMILIES,
  ...PROCEDURAL_V3_FAMILIES,
  ...PROCEDURAL_FIELD_FAMILIES,
  ...PROCEDURAL_PAGE_SHIFT_FAMILIES,
  ...PROCEDURAL_WHERE_FAMILIES,
  ...PROCEDURAL_FORM_FAMILIES,
  ...PROCEDURAL_MASK_FAMILIES,
  ...PROCEDURAL_STACKED_FAMILIES,
  ...PROCEDURAL_SMALL_LABEL_FAMILIES,
  ...PROCEDURAL_OVERPRINTED_CARD_FAMILIES,
  ...PROCEDURAL_RUN_ON_FAMILIES,
  ...PROCEDURAL_FLOW_FAMILIES,
  ...PROCEDURAL_H3_FAMILIES,
];

/** The procedural families that can draw a kind, seen first. @example proceduralFamiliesFor('id_card'); */
export function proceduralFamiliesFor(kind: DocumentKind): ProceduralFamily[] {
  return PROCEDURAL_FAMILIES.filter((f) => (f.kinds as readonly string[]).includes(kind)).sort((a, b) => Number(a.heldOut) - Number(b.heldOut));
}

/** Draws one page's layout parameters from a family's region. @example drawLayout(family.region, rng); */
export function drawLayout(r: FamilyRegion, rng: Rng): LayoutParams {
  const font = rng.pick(r.fonts);
  const off = rng.chance(r.offBaseline.chance);
  const params: LayoutParams = {
    font,
    valueFont: off ? rng.pick(r.fillInFonts) : font,
    sizePt: Math.round(rng.float(r.sizes[0], r.sizes[1]) * 2) / 2,
    labelStyle: rng.pick(r.labelStyles),
    placement: rng.pick(r.placements),
    columns: rng.pick(r.columns),
    colon: rng.pick(r.colons),
    valueShiftMm: off ? rng.float(r.offBaseline.mm[0], r.offBaseline.mm[1]) * (rng.chance(0.5) ? 1 : -1) : 0,
    wrapLines: rng.pick(r.wrapLines),
    rowGapMm: rng.float(1.8, 4.5),
    labelColor: rng.pick(['#111', '#111', '#333', '#1f3f66']),
  };
  if (r.formVariety?.groupCaption !== undefined && params.placement === 'cell' && rng.chance(r.formVariety.groupCaption)) {
    params.groupCaption = { text: rng.pick(GROUP_CAPTIONS), vertical: rng.chance(0.5) };
  }
  if (r.pageShift !== undefined && rng.chance(r.pageShift)) {
    params.pageShift = { pitches: rng.float(0.3, 1.0) * (rng.chance(0.5) ? 1 : -1), dxMm: rng.chance(0.5) ? rng.float(-3, 3) : 0 };
  }
  if (r.smallLabels !== undefined && rng.chance(r.smallLabels.chance)) {
    params.labelScale = Math.round(rng.float(r.smallLabels.scale[0], r.smallLabels.scale[1]) * 100) / 100;
  }
  if (r.h3 !== undefined) {
    // proc-H3: values always in a fill-in font, larger than the labels, sometimes by hand.
    params.valueFont = rng.pick(r.fillInFonts);
    params.valueScale = Math.round(rng.float(r.h3.valueScale[0], r.h3.valueScale[1]) * 100) / 100;
    if (rng.chance(r.h3.handwritten)) params.handwritten = true;
  }
  return params;
}
