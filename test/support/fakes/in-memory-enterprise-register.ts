import type { EnterpriseRegister, RegisteredEnterprise } from '../../../shared/ports/index.js';

/** Names compare after NFKC (full-width brackets become ASCII) and without whitespace, as the DynamoDB register does. */
function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * An EnterpriseRegister in a Map, keyed by credit code; upsert replaces.
 *
 * @example
 * const register = new InMemoryEnterpriseRegister([{ creditCode: '91330106MA2H0WXX1X', name: '杭州某某科技有限公司', district: '西湖区' }]);
 */
export class InMemoryEnterpriseRegister implements EnterpriseRegister {
  readonly enterprises = new Map<string, RegisteredEnterprise>();

  constructor(initial: RegisteredEnterprise[] = []) {
    for (const e of initial) this.enterprises.set(e.creditCode.toUpperCase(), structuredClone(e));
  }

  async findByCreditCode(creditCode: string): Promise<RegisteredEnterprise | undefined> {
    const found = this.enterprises.get(creditCode.trim().toUpperCase());
    return found && structuredClone(found);
  }

  async findByName(name: string): Promise<RegisteredEnterprise | undefined> {
    const wanted = normaliseName(name);
    const found = [...this.enterprises.values()].find((e) => normaliseName(e.name) === wanted);
    return found && structuredClone(found);
  }

  async upsert(enterprises: RegisteredEnterprise[]): Promise<void> {
    for (const e of enterprises) this.enterprises.set(e.creditCode.toUpperCase(), structuredClone(e));
  }
}
