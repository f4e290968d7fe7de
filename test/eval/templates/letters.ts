import type { DocumentData } from '../factory/documents.js';
import { A4, A4_LANDSCAPE, baseCss, date, esc, frame, HELD_OUT_FONTS, inlineEntries, leaderEntries, seal, SEEN_FONTS, type TemplateFamily } from './kit.js';

type Letter = Extract<DocumentData, { kind: 'employment_letter' }>;

function letter(data: DocumentData): Letter {
  if (data.kind !== 'employment_letter') throw new Error(`not a letter of engagement: ${data.kind}`);
  return data;
}

/** 聘书 as a sentence: 兹聘任 X 同志为我公司 Y，聘期自 … 至 …。 */
const sentence: TemplateFamily = {
  name: 'letter/sentence',
  heldOut: false,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const landscape = rng.chance(0.6);
    const size = landscape ? A4_LANDSCAPE : A4;
    return [
      {
        ...size,
        css: baseCss(rng.pick(SEEN_FONTS), 18),
        body: `${frame('#b22222', 8)}
        <div class="title" style="position:absolute;top:${landscape ? 30 : 50}mm;left:0;right:0;font-size:40pt;color:#b22222">聘　书</div>
        <div style="position:absolute;top:${landscape ? 72 : 110}mm;left:34mm;right:34mm">
          <p>兹聘任 ${esc(l.person.name)} ${rng.pick(['同志', '先生/女士', ''])}为我${rng.pick(['公司', '单位'])} ${esc(l.title)}，聘期自 ${esc(date(rng, l.start))} 至 ${esc(date(rng, l.end))}。</p>
          <p>特发此证。</p>
        </div>
        <div style="position:absolute;right:40mm;bottom:${landscape ? 30 : 50}mm;text-align:center">
          <div class="row">${esc(l.enterprise.name)}</div><div class="row">${esc(date(rng, l.issued))}</div>
        </div>
        ${seal(l.enterprise.name, 42, { left: size.widthMm - 95, top: size.heightMm - (landscape ? 75 : 95) })}`,
      },
    ];
  },
};

/** 聘书 as a form: 受聘人：…, 聘任职务：…, 聘期：… 至 …, 聘任单位：…. */
const form: TemplateFamily = {
  name: 'letter/form',
  heldOut: false,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const span = rng.chance(0.5);
    const entries: [string, string][] = [
      [rng.pick(['受聘人', '姓名', '受聘人姓名']), l.person.name],
      [rng.pick(['聘任职务', '聘任岗位', '职务']), l.title],
      ...(span
        ? ([[rng.pick(['聘期', '聘任期限']), `${date(rng, l.start)}至${date(rng, l.end)}`]] as [string, string][])
        : ([
            ['聘期开始', date(rng, l.start)],
            ['聘期结束', date(rng, l.end)],
          ] as [string, string][])),
      [rng.pick(['聘任单位', '用人单位']), l.enterprise.name],
    ];
    return [
      {
        ...A4_LANDSCAPE,
        css: baseCss(rng.pick(SEEN_FONTS), 17),
        body: `${frame('#c8a040', 9)}
        <div class="title" style="position:absolute;top:28mm;left:0;right:0;font-size:36pt">聘　书</div>
        <div style="position:absolute;left:60mm;top:70mm">${inlineEntries(entries, '：', { underline: true })}</div>
        <div style="position:absolute;right:50mm;bottom:28mm">${esc(date(rng, l.issued))}</div>
        ${seal(l.enterprise.name, 40, { left: 190, top: 130 })}`,
      },
    ];
  },
};

/** Held out: a letter with English sub-labels on dotted leaders. */
const bilingual: TemplateFamily = {
  name: 'letter/bilingual',
  heldOut: true,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    return [
      {
        ...A4,
        css: baseCss(rng.pick(HELD_OUT_FONTS), 15),
        body: `<div style="position:absolute;top:0;left:0;right:0;height:24mm;background:#203a5c"></div>
        <div class="title" style="position:absolute;top:40mm;left:0;right:0;font-size:30pt">聘书</div>
        <div style="position:absolute;top:56mm;left:0;right:0;text-align:center;letter-spacing:0.3em;color:#666">LETTER OF APPOINTMENT</div>
        <div style="position:absolute;top:86mm;left:28mm;right:28mm">${leaderEntries([
          ['受聘人 Appointee', l.person.name],
          ['职务 Position', l.title],
          ['起聘日期 From', date(rng, l.start)],
          ['聘期届满 To', date(rng, l.end)],
          ['聘任单位 Employer', l.enterprise.name],
        ])}</div>
        <div style="position:absolute;top:210mm;right:30mm">${esc(date(rng, l.issued))}</div>
        ${seal(l.enterprise.name, 40, { left: 120, top: 190 })}`,
      },
    ];
  },
};

export const LETTER_FAMILIES: readonly TemplateFamily[] = [sentence, form, bilingual];
