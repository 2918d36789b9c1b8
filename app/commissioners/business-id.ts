/**
 * A commissioner's business ID (Y-tunnus). The rule is the billing area's, written once in
 * app/billing/business-ids.ts; this module keeps the names the commissioner forms use.
 */
export { businessIdCheckDigit, normaliseBusinessId } from '~/billing/business-ids';
