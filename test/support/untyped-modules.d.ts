// Test-only fallback servers without type definitions.
declare module 's3rver';
declare module 'ftp-srv';
