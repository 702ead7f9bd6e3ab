export * from './containers';
export * from './context-kinds';
export * from './geometry';
export * from './kind-icons';
export * from './layout';
export * from './text-metrics';
