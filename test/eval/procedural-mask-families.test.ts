import { describe, expect, it } from 'vitest';
import { type DocumentKind, makeDocumentData } from './factory/documents.js';
import { Rng } from './factory/random.js';
import { composeDocument } from './procedural/documents.js';
import { ALL_PROCEDURAL_FAMILIES, PROCEDURAL_MASK_FAMILIES } from './procedural/families.js';

// Issue 12 class 9: uploaders bar, blur or star out values. The mask families are seen (tuned on) so that the class
// can be worked without the held-out families, which were the only ones to blur or to mask contracts and ID cards.

const KIND_OF: Record<string, DocumentKind> = {
  certificate: 'skill_level',
  licence: 'business_license',
  record: 'social_insurance_record',
  'id-card': 'id_card',
  contract: 'labor_contract',
};

describe('the mask families of the procedural generator', () => {
  it('are seen, one per kind, drawable by name, and mask with a bar, a blurred smudge or stars', () => {
    expect(PROCEDURAL_MASK_FAMILIES.map((f) => f.name)).toEqual(['certificate/proc-M', 'licence/proc-M', 'record/proc-M', 'id-card/proc-M', 'contract/proc-M']);
    for (const f of PROCEDURAL_MASK_FAMILIES) {
      expect(f.heldOut).toBe(false);
      expect(ALL_PROCEDURAL_FAMILIES).toContain(f);
      expect(f.region.mask).toEqual({ chance: 1, styles: ['blur', 'bar', 'stars'] });
    }
  });

  it('mask every document: the masked field leaves the truth, and the page draws its mask instead of the value', () => {
    const styles = new Set<string>();
    for (const family of PROCEDURAL_MASK_FAMILIES) {
      const kind = KIND_OF[family.name.split('/')[0]];
      for (let seed = 1; seed <= 6; seed++) {
        const rng = new Rng(seed);
        const doc = composeDocument(makeDocumentData(kind, rng), family, rng);
        expect(doc.masked.length).toBeGreaterThan(0);
        for (const field of doc.masked) expect(doc.fields).not.toHaveProperty(field);
        for (const tag of doc.variants.filter((v) => v.startsWith('mask:'))) styles.add(tag.split(':')[2]);
        const body = doc.sheets.map((s) => s.body).join('');
        const drawsMask = /class="v mask"/.test(body) || /\*{2,}/.test(body);
        expect(drawsMask).toBe(true);
      }
    }
    expect([...styles].sort()).toEqual(['bar', 'blur', 'stars']);
  });
});
