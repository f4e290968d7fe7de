export { paymentRowSchema, paymentRows, payeeOf, paymentsCsv, paymentsXlsx, type PaymentRow } from './payments.js';
export { targetsReport, targetsReportSchema, targetsReportXlsx, type TargetsReport } from './targets-report.js';
