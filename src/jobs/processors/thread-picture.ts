import { modelPicture } from '../../export/render-images';
import { ThreadPictureJobSchema } from '../../ports/job-payloads';
import { type ProcessorDeps, parsePayload } from './processor-deps';

const PICTURES = {
  data_flow: {
    filename: 'data-flow.png',
    title: 'Data-flow diagram',
    comment: 'The data-flow diagram, drawn from the scope.',
  },
  risk_matrix: {
    filename: 'risk-matrix.png',
    title: 'Risk matrix',
    comment: 'The risk matrix, before and after mitigation.',
  },
} as const;

/**
 * Post a picture of the model in its thread (the data-flow diagram when scope is finished, the
 * risk matrix when step 4 is): rendered to PNG and uploaded with files.uploadV2, at most once per
 * model version.
 */
export async function processThreadPicture(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ThreadPictureJobSchema, data);
  const model = await deps.store.get({ workspaceId: job.workspaceId, modelId: job.modelId });
  if (!model?.threadTs) return;
  const picture = PICTURES[job.picture];
  const png = await modelPicture(model, deps.flow, job.picture);
  await deps.idempotency.once(`picture.${jobId}`, 30 * 86_400_000, () =>
    deps.client.files.uploadV2({
      channel_id: model.channelId,
      thread_ts: model.threadTs as string,
      file: png,
      filename: picture.filename,
      title: `${picture.title} of ${model.id}`,
      initial_comment: picture.comment,
    }),
  );
}
