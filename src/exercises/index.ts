export { BUILT_IN_EXERCISES, BUILT_IN_FAILURES, type BuiltInFailure } from './built-in';
