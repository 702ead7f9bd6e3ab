/** The package's version (package.json), for reports that name the tool; a test keeps them equal. */
export const CLI_VERSION = '0.1.0';
