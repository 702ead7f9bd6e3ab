import { formatParseIssue, type ParseError } from '../document';
import { NOT_A_TOPOLOGY_FILE } from '../store/import-actions';
import { Modal } from '../ui/modal';

const TITLE: { readonly [K in ParseError['kind']]: string } = {
  'not-json': 'This file cannot be opened',
  'not-topology': 'This is not a WFM topology file',
  'newer-version': 'This file was made by a newer version',
  invalid: 'This file has errors',
  'too-large': 'This file is too large',
};

/** The refusal's own words, without a "This is not a WFM topology file:" the dialog already said. */
function details(message: string): string {
  const lead = 'This is not a WFM topology file: ';
  const rest = message.startsWith(lead) ? message.slice(lead.length) : message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * Why a file or link was refused, with the paths inside it; the open document is untouched. A file
 * that is not a topology file at all (`foreign`) is first told which files can be imported, then
 * the details (decision 029).
 */
export function ImportErrorDialog({
  fileName,
  error,
  foreign,
  onClose,
}: {
  fileName: string;
  error: ParseError;
  foreign: boolean;
  onClose: () => void;
}) {
  return (
    <Modal title={TITLE[error.kind]} onClose={onClose} className="import-error">
      {foreign ? (
        <>
          <p>
            <strong>{fileName}</strong> was not opened. {NOT_A_TOPOLOGY_FILE}.
          </p>
          <p className="import-error__details">Details: {details(error.message)}</p>
        </>
      ) : (
        <p>
          <strong>{fileName}</strong> was not opened: {error.message}
        </p>
      )}
      {error.issues.length > 0 && (
        <ul className="import-error__issues" aria-label="Problems in the file">
          {error.issues.map((issue) => (
            <li key={`${issue.path}|${issue.message}`}>
              <code>{formatParseIssue(issue)}</code>
            </li>
          ))}
        </ul>
      )}
      <p className="import-error__unchanged">Your open document is unchanged.</p>
    </Modal>
  );
}
