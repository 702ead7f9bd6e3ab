export * from './embedded';
export * from './markdown';
export * from './mermaid';
export * from './png-metadata';
export * from './svg';
export * from './xml';
