import { formatParseIssue, type ParseError } from '../document';
import { Modal } from '../ui/modal';

const TITLE: { readonly [K in ParseError['kind']]: string } = {
  'not-json': 'This file cannot be opened',
  'not-topology': 'This is not a WFM topology file',
  'newer-version': 'This file was made by a newer version',
  invalid: 'This file has errors',
  'too-large': 'This file is too large',
};

/** Why a file or link was refused, with the paths inside it; the open document is untouched. */
export function ImportErrorDialog({
  fileName,
  error,
  onClose,
}: {
  fileName: string;
  error: ParseError;
  onClose: () => void;
}) {
  return (
    <Modal title={TITLE[error.kind]} onClose={onClose} className="import-error">
      <p>
        <strong>{fileName}</strong> was not opened: {error.message}
      </p>
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
