export { createEmptyDocument } from './empty-document';
export { CURRENT_VERSION, FORMAT } from './envelope';
export {
  EXERCISE_FORMAT,
  EXERCISE_VERSION,
  type Exercise,
  type ExerciseGoal,
  type ExerciseParseError,
  type ExerciseParseErrorKind,
  type ExerciseParseResult,
  exerciseTooLarge,
  MAX_EXERCISE_BYTES,
  MAX_HINT_PENALTY,
  MAX_TIME_LIMIT,
  MIN_TIME_LIMIT,
  parseExercise,
} from './exercise';
export {
  type AttemptFacts,
  CHECKSUM_ALGORITHM,
  canonicalJson,
  createResultFile,
  exerciseScore,
  type GradeOutcome,
  gradeResult,
  RESULT_FORMAT,
  RESULT_VERSION,
  type ResultFile,
  type ResultOutcome,
  resultChecksum,
  resultChecksumOfExercise,
  serializeExercise,
} from './exercise-result';
export {
  MAX_ADDRESS_LENGTH,
  MAX_ANNOTATION_TEXT_LENGTH,
  MAX_ANNOTATIONS,
  MAX_COMPONENT_NAME_LENGTH,
  MAX_COMPONENT_NAME_RAW_LENGTH,
  MAX_COMPONENTS,
  MAX_CONNECTION_LABEL_LENGTH,
  MAX_CONNECTIONS,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_EXPORT_FILE_BYTES,
  MAX_FILE_BYTES,
  MAX_HOST_LENGTH,
  MAX_HOSTS,
  MAX_ID_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PNG_FILE_BYTES,
  MAX_PORT,
  MAX_REPORTED_ISSUES,
  MAX_SCHEMA_REFERENCE_LENGTH,
  MAX_SVG_FILE_BYTES,
  MAX_WAYPOINTS,
  MAX_ZONES,
  MIN_LCA_PORT,
  MIN_PORT,
} from './limits';
export { parseDocument } from './parse';
export {
  formatParseError,
  formatParseIssue,
  type ParseError,
  type ParseErrorKind,
  type ParseIssue,
  type ParseResult,
  refuseTooLarge,
} from './parse-error';
export {
  type DocumentAnnotation,
  type DocumentComponent,
  type DocumentConnection,
  type DocumentHost,
  type DocumentOptions,
  type DocumentView,
  type DocumentZone,
  documentFileSchema,
  type Point,
  type Size,
  type TopologyDocument,
  topologyDocumentSchema,
} from './schema';
export { type SerializeOptions, serializeDocument } from './serialize';
export { sha256Hex } from './sha256';
export { createValidationBlock, type ProblemRecord, type ValidationBlock } from './validation-block';
export { visibleJson, visibleText } from './visible-text';
