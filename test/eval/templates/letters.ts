import type { DocumentData } from '../factory/documents.js';
import type { CalendarDate } from '../factory/dates.js';
import type { Rng } from '../factory/random.js';
import { withMeta } from './pages.js';
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

// ---------------------------------------------------------------------------------------------------------------
// 聘书 written as letters (issue 19): who and what in a sentence or after a salutation, the term as a span or as a
// number of years from a start (the truth's end date is then computed), the employer only in the signature and seal.
// Form, wording, honorific, term style and layout are seeded choices; the truth records the form as `letterForm`.
// ---------------------------------------------------------------------------------------------------------------

const YEARS_CN: Record<number, string> = { 1: '一', 2: '两', 3: '三', 4: '四', 5: '五' };

type LetterForm = 'appoint' | 'decision' | 'salutation';
type TermStyle = 'range' | 'years';

function honorific(rng: Rng, l: Letter, allowNone: boolean): string {
  const options = [l.person.sex === '男' ? '先生' : '女士', '同志', ...(allowNone ? [''] : [])];
  return rng.pick(options);
}

function termText(rng: Rng, l: Letter, style: TermStyle): string {
  if (style === 'range') {
    return rng.pick([
      `聘期自 ${esc(date(rng, l.start))} 至 ${esc(date(rng, l.end))}`,
      `聘期自 ${esc(date(rng, l.start))} 起至 ${esc(date(rng, l.end))} 止`,
      `聘期为 ${esc(date(rng, l.start))} 至 ${esc(date(rng, l.end))}`,
    ]);
  }
  const years = YEARS_CN[l.termMonths / 12] ?? String(l.termMonths / 12);
  return rng.pick([`聘期${years}年，自 ${esc(date(rng, l.start))} 起`, `聘期${years}年（自 ${esc(date(rng, l.start))} 起计算）`]);
}

/** The sentence(s) of the letter in one of the forms; returns HTML paragraphs. */
function letterBody(rng: Rng, l: Letter, form: LetterForm, term: TermStyle): string {
  const name = esc(l.person.name);
  const post = esc(l.title);
  const us = rng.pick(['我公司', '我单位', '本公司', '']);
  const t = termText(rng, l, term);
  switch (form) {
    case 'appoint': {
      const verb = rng.pick(['兹聘任', '兹聘请', '兹聘']);
      const h = honorific(rng, l, true);
      return `<p>${verb} ${name}${h ? ` ${h}` : ''} 为${us} ${post}，${t}。</p><p>${rng.pick(['特发此证。', '特发此聘书。', '此聘。'])}</p>`;
    }
    case 'decision': {
      const h = rng.pick(['同志', '']);
      return `<p>${rng.pick(['经研究决定', '经公司研究决定', '经总经理办公会议研究决定'])}，聘任 ${name}${h ? ` ${h}` : ''} 担任${us} ${post} 职务，${t}。</p><p>特此聘任。</p>`;
    }
    case 'salutation': {
      const h = honorific(rng, l, false);
      return `<p style="text-indent:0">${rng.chance(0.3) ? '尊敬的 ' : ''}${name} ${h}：</p>
        <p>${rng.pick(['鉴于您的专业能力和工作业绩，', '', '经公司研究，'])}特聘请您为${us} ${post}，${t}。</p>
        <p>${rng.pick(['此致', '特此聘请。'])}</p>${rng.chance(0.5) ? '<p style="text-indent:0">敬礼！</p>' : ''}`;
    }
  }
}

/**
 * The employer's printed name over the date (sometimes with 盖章), as a row; none when the letter names its employer
 * only in the seal (`sealOnly`), where a bare `（盖章）` is sometimes left.
 */
function signerLine(rng: Rng, l: Letter): string {
  if (l.sealOnly) return rng.chance(0.4) ? '<div class="row">（盖章）</div>' : '';
  return `<div class="row">${rng.chance(0.3) ? `${esc(l.enterprise.name)}（盖章）` : esc(l.enterprise.name)}</div>`;
}

/** The signature: the employer's name (sometimes with 盖章), the issue date, the seal over both. */
function letterSignature(rng: Rng, l: Letter, at: { rightMm: number; bottomMm: number }, sheetMm: { widthMm: number; heightMm: number }): string {
  const signer = signerLine(rng, l);
  return `<div style="position:absolute;right:${at.rightMm}mm;bottom:${at.bottomMm}mm;text-align:center">
      ${signer}<div class="row">${esc(date(rng, l.issued))}</div></div>
    ${seal(l.enterprise.name, 40, { left: sheetMm.widthMm - at.rightMm - 62, top: sheetMm.heightMm - at.bottomMm - 38 })}`;
}

/** 聘书 as prose, every form (兹聘任…为…, 经研究决定…担任…职务, salutation + 特聘请您为…), portrait or landscape. */
const prose: TemplateFamily = {
  name: 'letter/prose',
  heldOut: false,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const form = rng.pick(['appoint', 'decision', 'salutation'] as const);
    const term = rng.pick(['range', 'years'] as const);
    const landscape = rng.chance(0.5);
    const size = landscape ? A4_LANDSCAPE : A4;
    const framed = rng.chance(0.6);
    return withMeta(
      [
        {
          ...size,
          css: `${baseCss(rng.pick(SEEN_FONTS), rng.pick([16, 17, 18]))} p { line-height: 2.1; }`,
          body: `${framed ? frame(rng.pick(['#b22222', '#c8a040', '#1f4e79']), 8) : ''}
          <div class="title" style="position:absolute;top:${landscape ? 28 : 48}mm;left:0;right:0;font-size:38pt;color:${framed ? '#b22222' : '#111'}">${rng.pick(['聘　书', '聘书', '聘任书'])}</div>
          <div style="position:absolute;top:${landscape ? 66 : 100}mm;left:34mm;right:34mm">${letterBody(rng, l, form, term)}</div>
          ${letterSignature(rng, l, { rightMm: 36, bottomMm: landscape ? 26 : 48 }, size)}`,
        },
      ],
      { letterForm: `${form}/${term}`, structure: [landscape ? 'landscape' : 'portrait'] },
    );
  },
};

/** Held out: a 红头 decision (公司文件, 文号, 关于聘任…的决定) in fonts no seen family uses. */
const decree: TemplateFamily = {
  name: 'letter/decree',
  heldOut: true,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const term = rng.pick(['range', 'years'] as const);
    const name = esc(l.person.name);
    const post = esc(l.title);
    const t = termText(rng, l, term);
    const number = `${rng.pick(['人', '司', '办'])}〔${l.issued.year}〕${rng.int(1, 40)}号`;
    return withMeta(
      [
        {
          ...A4,
          css: `${baseCss(rng.pick(HELD_OUT_FONTS), 15.5)} p { line-height: 2; }`,
          body: `<div style="position:absolute;top:26mm;left:0;right:0;text-align:center;color:#c00;font-size:26pt;font-weight:bold;letter-spacing:0.1em">${esc(l.enterprise.name)}文件</div>
          <div style="position:absolute;top:50mm;left:0;right:0;text-align:center">${esc(number)}</div>
          <div style="position:absolute;top:58mm;left:24mm;right:24mm;border-top:2px solid #c00"></div>
          <div class="title" style="position:absolute;top:70mm;left:24mm;right:24mm;font-size:19pt;letter-spacing:0">关于聘任${name}同志的决定</div>
          <div style="position:absolute;top:96mm;left:26mm;right:26mm">
            <p style="text-indent:0">各部门：</p>
            <p>${rng.pick(['根据工作需要，经公司研究决定', '经公司总经理办公会议研究决定'])}，聘任 ${name} 同志为${rng.pick(['公司', ''])}${post}，${t}。</p>
            <p>特此决定。</p></div>
          ${letterSignature(rng, l, { rightMm: 34, bottomMm: 80 }, A4)}
          <div style="position:absolute;bottom:30mm;left:24mm;right:24mm;border-top:1px solid #333;font-size:11pt;padding-top:2mm">抄送：人力资源部、财务部</div>`,
        },
      ],
      { letterForm: `decision/${term}`, structure: ['portrait', 'red_header'] },
    );
  },
};

/** Held out: a landscape card with a salutation (尊敬的 X 女士：我公司特聘请您担任 Y 一职 …). */
const card: TemplateFamily = {
  name: 'letter/card',
  heldOut: true,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const term = rng.pick(['range', 'years'] as const);
    const name = esc(l.person.name);
    const h = honorific(rng, l, false);
    return withMeta(
      [
        {
          ...A4_LANDSCAPE,
          css: `${baseCss(rng.pick(HELD_OUT_FONTS), 17)} p { line-height: 2.2; }`,
          body: `<div style="position:absolute;inset:0;background:linear-gradient(135deg,#fbf4e4,#fff 60%)"></div>
          <div style="position:absolute;left:0;top:0;bottom:0;width:26mm;background:#8b1a1a"></div>
          <div style="position:absolute;top:24mm;left:50mm;font-size:30pt;letter-spacing:0.5em;color:#8b1a1a">聘 书</div>
          <div style="position:absolute;top:58mm;left:50mm;right:30mm">
            <p style="text-indent:0">${rng.chance(0.5) ? '尊敬的' : ''}${name} ${h}：</p>
            <p>我${rng.pick(['公司', '单位'])}特聘请您担任 ${esc(l.title)} 一职，${termText(rng, l, term)}。</p>
            <p>${rng.pick(['期待您的加盟！', '特发此书。'])}</p></div>
          ${letterSignature(rng, l, { rightMm: 40, bottomMm: 24 }, A4_LANDSCAPE)}`,
        },
      ],
      { letterForm: `salutation/${term}`, structure: ['landscape'] },
    );
  },
};

/**
 * Held out (packets-v3): a notice-style 聘书 with no frame and no ornaments: the salutation `X 同志：` (or 先生/女士)
 * on its own line, `经研究决定，特聘请您为 Y，聘期三年，自 A 起。` or the range form, a closing line, and the employer
 * and date at the right under a seal; the title sometimes 聘请书 or 聘任通知书.
 */
const notice: TemplateFamily = {
  name: 'letter/notice',
  heldOut: true,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const term = rng.pick(['years', 'years', 'range'] as const);
    const name = esc(l.person.name);
    const h = rng.pick(['同志', '同志', l.person.sex === '男' ? '先生' : '女士']);
    return withMeta(
      [
        {
          ...A4,
          css: `${baseCss(rng.pick(HELD_OUT_FONTS), 15)} p { line-height: 2.2; }`,
          body: `<div class="title" style="position:absolute;top:40mm;left:0;right:0;font-size:26pt">${rng.pick(['聘 书', '聘请书', '聘任通知书'])}</div>
          <div style="position:absolute;top:72mm;left:28mm;right:28mm">
            <p style="text-indent:0">${name} ${h}：</p>
            <p>${rng.pick(['经研究决定', '经公司研究决定', '根据工作需要，经研究决定'])}，特聘请您为${rng.pick(['我公司', '本单位', ''])} ${esc(l.title)}，${termText(rng, l, term)}。</p>
            <p>${rng.pick(['聘期内享受公司相应岗位待遇。', '请按时到岗。', ''])}</p>
            <p>特此通知。</p></div>
          ${letterSignature(rng, l, { rightMm: 32, bottomMm: 70 }, A4)}`,
        },
      ],
      { letterForm: `salutation/${term}`, structure: ['portrait', 'notice'] },
    );
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Wide letters (issue 19, letters19c): what the prose family does not draw. Two-character names spread to the width
// of three (`张　伟`), pre-printed forms whose name and post are written by hand on a line, the term as a number of
// years with its span or a start written `从 A 起` / `自 A 起计算`, and the decision form with `一职`.
// ---------------------------------------------------------------------------------------------------------------

type WideTerm = TermStyle | 'years_span';

function wideTermText(rng: Rng, l: Letter, style: WideTerm): string {
  const years = YEARS_CN[l.termMonths / 12] ?? String(l.termMonths / 12);
  const start = esc(date(rng, l.start));
  switch (style) {
    case 'range':
      return termText(rng, l, 'range');
    case 'years':
      return rng.pick([
        `聘期${years}年，自 ${start} 起`,
        `聘期为${years}年，从 ${start} 起`,
        `聘期${years}年，自 ${start} 起计算`,
        `聘期${years}年（自 ${start} 起计算）`,
      ]);
    case 'years_span':
      return rng.pick([`聘期${years}年（${start} 至 ${esc(date(rng, l.end))}）`, `聘期为${years}年，自 ${start} 起至 ${esc(date(rng, l.end))} 止`]);
  }
}

/**
 * A name as printed when `spread`: two characters spread to the width of three (`张　伟`), longer names letter-spaced
 * (`王 晓 明`); else as it is.
 */
function printedName(name: string, spread: boolean): string {
  const chars = [...name];
  if (!spread) return name;
  return chars.length === 2 ? chars.join('　') : chars.join(' ');
}

function wideLetterBody(rng: Rng, l: Letter, form: LetterForm, term: WideTerm, filled: boolean, spreadName: boolean): string {
  const shown = esc(printedName(l.person.name, spreadName && !filled));
  const name = filled ? `<span class="hand" style="border-bottom:1px solid #222;padding:0 5mm">${esc(l.person.name)}</span>` : shown;
  const post = filled ? `<span class="hand" style="border-bottom:1px solid #222;padding:0 5mm">${esc(l.title)}</span>` : esc(l.title);
  const us = rng.pick(['我公司', '我单位', '本公司', '']);
  const t = wideTermText(rng, l, term);
  switch (form) {
    case 'appoint': {
      const verb = rng.pick(['兹聘任', '兹聘请', '兹聘']);
      const h = honorific(rng, l, true);
      return `<p>${verb} ${name}${h ? ` ${h}` : ''} 为${us} ${post}，${t}。</p><p>${rng.pick(['特发此证。', '特发此聘书。', '此聘。'])}</p>`;
    }
    case 'decision': {
      const h = rng.pick(['同志', '']);
      const role = rng.chance(0.5) ? `担任${us} ${post} 职务` : `担任${us} ${post} 一职`;
      return `<p>${rng.pick(['经研究决定', '经公司研究决定', '根据工作需要，经研究决定'])}，聘任 ${name}${h ? ` ${h}` : ''} ${role}，${t}。</p><p>特此聘任。</p>`;
    }
    case 'salutation': {
      const h = honorific(rng, l, false);
      return `<p style="text-indent:0">${rng.chance(0.3) ? '尊敬的 ' : ''}${name} ${h}：</p>
        <p>${rng.pick(['鉴于您的专业能力和工作业绩，', '', '经公司研究，'])}特聘请您为${us} ${post}，${t}。</p>
        <p>${rng.pick(['此致', '特此聘请。'])}</p>${rng.chance(0.5) ? '<p style="text-indent:0">敬礼！</p>' : ''}`;
    }
  }
}

/** 聘书 as prose with the wide choices above; seen (tuned on), drawn only when named (the wide packets). */
const proseWide: TemplateFamily = {
  name: 'letter/prose-wide',
  heldOut: false,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const form = rng.pick(['appoint', 'decision', 'salutation'] as const);
    const term = rng.pick(['range', 'years', 'years', 'years_span'] as const);
    const filled = rng.chance(0.3);
    const spreadName = rng.chance(0.5);
    const landscape = rng.chance(0.5);
    const size = landscape ? A4_LANDSCAPE : A4;
    const framed = rng.chance(0.6);
    const structure = [landscape ? 'landscape' : 'portrait', ...(filled ? ['filled_by_hand'] : []), ...(spreadName && !filled ? ['name_spread'] : [])];
    return withMeta(
      [
        {
          ...size,
          css: `${baseCss(rng.pick(SEEN_FONTS), rng.pick([16, 17, 18]))} p { line-height: 2.1; } .hand { font-family: 'AR PL UKai CN'; font-size: 1.2em; }`,
          body: `${framed ? frame(rng.pick(['#b22222', '#c8a040', '#1f4e79']), 8) : ''}
          <div class="title" style="position:absolute;top:${landscape ? 28 : 48}mm;left:0;right:0;font-size:38pt;color:${framed ? '#b22222' : '#111'}">${rng.pick(['聘　书', '聘书', '聘任书', '聘 书'])}</div>
          <div style="position:absolute;top:${landscape ? 66 : 100}mm;left:34mm;right:34mm">${wideLetterBody(rng, l, form, term, filled, spreadName)}</div>
          ${letterSignature(rng, l, { rightMm: 36, bottomMm: landscape ? 26 : 48 }, size)}`,
        },
      ],
      { letterForm: `${form}/${term}`, structure },
    );
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Varied letters (issue 19, letter21): the letters of people we never met, composed from parts rather than chosen
// from fixed sentences: the appointing verb (聘任/聘请/聘用/特聘/聘为/受聘担任), the order of the parts (the term
// before the post, the post before the name in a decision, the person as the subject), the term's form (`聘期为三年`,
// `聘用期限：自 A 至 B`, `任期两年`, a sentence of its own), salutations without a space (`尊敬的李娜女士：`), dates in
// Chinese numerals with 廿 and 卅, the employer named only in the signature and the seal.
// ---------------------------------------------------------------------------------------------------------------

const CN_DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–31 in Chinese numerals; 20–29 as 廿…, 30 and 31 as 卅… when `tens` (`廿一`, `卅`). */
function cnNumber(n: number, tens: boolean): string {
  if (n < 10) return CN_DIGIT[n];
  if (n < 20) return n === 10 ? '十' : `十${CN_DIGIT[n % 10]}`;
  if (tens) return `${n < 30 ? '廿' : '卅'}${n % 10 === 0 ? '' : CN_DIGIT[n % 10]}`;
  return `${CN_DIGIT[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGIT[n % 10]}`;
}

/** A date in Chinese numerals as people write them: `二〇二〇年三月廿一日`, `二零二一年十二月卅一日`. */
function cnDate(rng: Rng, d: CalendarDate): string {
  const zero = rng.pick(['〇', '〇', '零']);
  const year = [...String(d.year)].map((c) => (c === '0' ? zero : CN_DIGIT[Number(c)])).join('');
  return `${year}年${cnNumber(d.month, false)}月${cnNumber(d.day, rng.chance(0.6))}日`;
}

/** A date of the varied letters: Chinese numerals (with 廿/卅) half the time, else any printed style. */
function variedDate(rng: Rng, d: CalendarDate): string {
  return rng.chance(0.5) ? cnDate(rng, d) : date(rng, d);
}

type VariedForm = 'appoint' | 'term_first' | 'post_first' | 'subject' | 'salutation';
type VariedTerm = 'range' | 'labelled_range' | 'years' | 'years_span' | 'months';

/** The term in one of its forms; `years` gives a start and the length (the truth's end is then computed). */
function variedTerm(rng: Rng, l: Letter, style: VariedTerm): string {
  const n = l.termMonths / 12;
  const years = rng.pick([YEARS_CN[n] ?? String(n), n === 2 ? '二' : (YEARS_CN[n] ?? String(n))]);
  const start = esc(variedDate(rng, l.start));
  const end = () => esc(variedDate(rng, l.end));
  const word = rng.pick(['聘期', '聘期', '任期', '聘用期限', '聘任期限']);
  switch (style) {
    case 'range':
      return rng.pick([`${word}自 ${start} 至 ${end()}`, `${word}为 ${start} 至 ${end()}`, `${word}从 ${start} 起至 ${end()} 止`]);
    case 'labelled_range':
      return rng.pick([`${word}：自 ${start} 至 ${end()}`, `${word}：${start} 至 ${end()}`]);
    case 'years':
      return rng.pick([
        `${word}为${years}年，自 ${start} 起`,
        `${word}${years}年，自 ${start} 起算`,
        `自 ${start} 起，${word}${years}年`,
        // The length after the start, and a start with 起 alone (letter22).
        `${word}自 ${start} 起${years}年`,
        `自 ${start} 起，为期${years}年`,
        `${word}${years}年，${start} 起生效`,
      ]);
    case 'years_span':
      return rng.pick([`${word}为${years}年，即 ${start} 至 ${end()}`, `${word}${years}年（自 ${start} 至 ${end()}）`]);
    case 'months':
      return `${word}为${l.termMonths}个月，自 ${start} 起`;
  }
}

/** The appointing verb before the name (`兹聘任 X 为 Y`). */
const APPOINTING = ['兹聘任', '兹聘请', '兹聘用', '特聘', '现聘请', '决定聘用'] as const;

function variedBody(rng: Rng, l: Letter, form: VariedForm, term: VariedTerm): string {
  const name = esc(l.person.name);
  const post = esc(l.title);
  const space = () => rng.pick(['', ' ']);
  const us = rng.pick(['我公司', '本公司', '公司', '']);
  const t = variedTerm(rng, l, term);
  const h = () => rng.pick([l.person.sex === '男' ? '先生' : '女士', '同志', '']);
  const role = () => rng.pick([`${post}`, `${post}职务`, `${post}一职`, `${post}岗位`]);
  // The term in the sentence, or a sentence of its own after it.
  const alone = rng.chance(0.3);
  const tail = (sentence: string) => (alone ? `<p>${sentence}。</p><p>${t}。</p>` : `<p>${sentence}，${t}。</p>`);
  switch (form) {
    case 'appoint': {
      // A note after the name, as letters that identify the person by their ID number print it (letter22).
      const note = rng.chance(0.2) ? rng.pick([`（身份证号：${esc(l.person.idNumber)}）`, `（身份证号码${esc(l.person.idNumber)}）`]) : '';
      return tail(`${rng.pick(APPOINTING)}${space()}${name}${note}${space()}${h()}为${us}${space()}${role()}`);
    }
    case 'term_first':
      return `<p>${rng.pick(['兹聘请', '兹聘任', '现聘用'])}${space()}${name}${space()}${h()}，${t}，担任${us}${space()}${role()}。</p>`;
    case 'post_first':
      return tail(
        `${rng.pick(['经研究决定', '经公司研究决定', '根据工作需要，经研究决定'])}，${rng.pick([
          `${us}${post}一职由${space()}${name}${space()}${rng.pick(['同志', ''])}担任`,
          `${us}${post}由${space()}${name}${space()}${rng.pick(['同志', ''])}担任`,
          `将${space()}${name}${space()}${rng.pick(['同志', ''])}聘为${us}${post}`,
        ])}`,
      );
    case 'subject': {
      // The person presented first (`兹有 X 同志…`), and the employer named before the post (`受聘于我公司，担任 Y`).
      const present = rng.pick(['', '', '兹有']);
      const verb = rng.pick(['受聘担任', '被聘为', '受聘为', `受聘于${us || '我公司'}，担任`, `受聘于${us || '我公司'}担任`]);
      return tail(`${present}${name}${space()}${h()}${verb}${verb.startsWith('受聘于') ? '' : us}${space()}${role()}`);
    }
    case 'salutation': {
      const address = l.person.sex === '男' ? rng.pick(['先生', '同志']) : rng.pick(['女士', '同志']);
      const greeting = rng.pick(['尊敬的', '尊敬的', '']);
      const verb = rng.pick(['我公司决定聘请您担任', '兹聘您为', '现聘用您为', '特聘您为', '我们诚挚地聘请您担任', '我公司诚聘您为', '敬聘您担任']);
      return `<p style="text-indent:0">${greeting}${name}${address}：</p>
        ${tail(`${rng.pick(['', '鉴于您在专业领域的成绩，', '感谢您对公司的支持，'])}${verb}${space()}${post}`)}
        <p>${rng.pick(['此致', '特此聘请。', '期待与您共事。'])}</p>`;
    }
  }
}

/** 聘书 of the varied letters: every part chosen apart; the employer in the signature and seal only. */
const proseVaried: TemplateFamily = {
  name: 'letter/prose-varied',
  heldOut: false,
  kinds: ['employment_letter'],
  render(data, rng) {
    const l = letter(data);
    const form = rng.pick(['appoint', 'term_first', 'post_first', 'subject', 'salutation'] as const);
    const term = rng.pick(['range', 'labelled_range', 'years', 'years', 'years_span', 'months'] as const);
    const landscape = rng.chance(0.4);
    const size = landscape ? A4_LANDSCAPE : A4;
    const framed = rng.chance(0.5);
    const footDate = rng.chance(0.6) ? cnDate(rng, l.issued) : date(rng, l.issued);
    const signer = signerLine(rng, l);
    const at = { rightMm: 34, bottomMm: landscape ? 26 : 46 };
    return withMeta(
      [
        {
          ...size,
          css: `${baseCss(rng.pick(SEEN_FONTS), rng.pick([15, 16, 17, 18]))} p { line-height: 2.1; }`,
          body: `${framed ? frame(rng.pick(['#b22222', '#c8a040', '#1f4e79']), 8) : ''}
          <div class="title" style="position:absolute;top:${landscape ? 28 : 46}mm;left:0;right:0;font-size:36pt;color:${framed ? '#b22222' : '#111'}">${rng.pick(['聘　书', '聘书', '聘任书', '聘用书', '聘 书'])}</div>
          <div style="position:absolute;top:${landscape ? 64 : 96}mm;left:32mm;right:32mm">${variedBody(rng, l, form, term)}</div>
          <div style="position:absolute;right:${at.rightMm}mm;bottom:${at.bottomMm}mm;text-align:center">
            ${signer}<div class="row">${esc(footDate)}</div></div>
          ${seal(l.enterprise.name, 40, { left: size.widthMm - at.rightMm - 62, top: size.heightMm - at.bottomMm - 38 })}`,
        },
      ],
      { letterForm: `${form}/${term}`, structure: [landscape ? 'landscape' : 'portrait'] },
    );
  },
};

/** Seen letter families of the wide packets: drawn only when named. */
export const LETTER_WIDE_FAMILIES: readonly TemplateFamily[] = [proseWide, proseVaried];

/** Held-out letter families made for packets-v3 only: drawn only when named. */
export const LETTER_V3_FAMILIES: readonly TemplateFamily[] = [notice];

/** The letter form of the families that print one form only and attach no note of it. */
export const LETTER_FORM_OF_FAMILY: Readonly<Record<string, string>> = {
  'letter/sentence': 'appoint/range',
  'letter/form': 'form',
  'letter/bilingual': 'form',
};

/** The letter families of issue 19. */
export const LETTER_PROSE_FAMILIES: readonly TemplateFamily[] = [prose, decree, card];

export const LETTER_FAMILIES: readonly TemplateFamily[] = [sentence, form, bilingual, ...LETTER_PROSE_FAMILIES];
