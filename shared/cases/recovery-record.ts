import { z } from 'zod';

/**
 * One recovery of money already paid (XH36-4.2: 对已享受政策的企业、个人和培训机构，若发现存在虚造信息情况，一经查实，按照相关法律
 * 法规进行处理，追回已拨付资金): who decided it, why (the false information found), how much, on what finding, when.
 */
export const recoverySchema = z.object({
  amountYuan: z.number().int().positive(),
  /** The false information found (虚造信息), in the clerk's words. */
  reason: z.string().trim().min(1),
  /** The inspection or finding it rests on (检查记录, 查实文书编号). */
  findingRef: z.string().trim().min(1).optional(),
  by: z.string().min(1),
  at: z.string(),
});
export type Recovery = z.infer<typeof recoverySchema>;
