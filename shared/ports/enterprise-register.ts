import { z } from 'zod';

/**
 * An enterprise in the district register the bureau maintains (by 统一社会信用代码). XH36-3.7.a/b/c turn on whether
 * an enterprise is registered in Xihu.
 */
export const registeredEnterpriseSchema = z.object({
  creditCode: z.string().length(18),
  name: z.string(),
  district: z.string(), // e.g. '西湖区'
  registeredOn: z.string().optional(), // YYYY-MM-DD
  deregisteredOn: z.string().optional(),
});
export type RegisteredEnterprise = z.infer<typeof registeredEnterpriseSchema>;

export interface EnterpriseRegister {
  findByCreditCode(creditCode: string): Promise<RegisteredEnterprise | undefined>;
  findByName(name: string): Promise<RegisteredEnterprise | undefined>;
  upsert(enterprises: RegisteredEnterprise[]): Promise<void>;
}
