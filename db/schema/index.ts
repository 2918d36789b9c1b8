export * from './auth';
export * from './clients';
export * from './outbox';
export * from './practices';
export * from './users';
