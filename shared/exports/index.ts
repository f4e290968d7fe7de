export { paymentRowSchema, paymentRows, payeeOf, paymentsCsv, paymentsXlsx, type PaymentRow } from './payments.js';
