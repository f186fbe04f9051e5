import { readDataFile } from '../data-files/read-data-file';
import { type Flow, FlowSchema } from '../domain/flow';
import { DataFileError } from '../errors';

/** Load and validate a flow file; a bad file throws with the file, the path inside it and the problem. */
export function loadFlow(file: string): Flow {
  const result = readDataFile(file, FlowSchema);
  if (!result.ok) throw new DataFileError(`Flow file ${file}`, result.problems);
  return result.value;
}
