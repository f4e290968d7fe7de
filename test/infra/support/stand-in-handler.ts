// Synthesis stand-in for a handler whose real entry has not landed yet (bundling is skipped in the infra tests).
export const handler = async (): Promise<void> => undefined;
