export * from './auth';
export * from './clients';
export * from './commissioners';
export * from './outbox';
export * from './practices';
export * from './users';
