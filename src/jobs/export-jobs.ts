import type { Queue } from 'bullmq';
import type { ExportJobs } from '../ports/export-jobs';
import {
  type CatalogProposalJob,
  JOBS,
  jobIds,
  type ModelExportJob,
  type ModelReuseJob,
  type ThreadPictureJob,
} from '../ports/job-payloads';

/**
 * The BullMQ adapter: exports retry with back-off (a push may fail while the remote is down) and,
 * when they give up, the thread is told by the worker; pictures are posted once per model version.
 */
export class BullExportJobs implements ExportJobs {
  constructor(
    private readonly queue: Queue,
    private readonly retry: { attempts: number; backoffMs: number },
  ) {}

  async exportModel(job: ModelExportJob): Promise<void> {
    await this.queue.add(JOBS.modelExport, job, {
      jobId: jobIds.modelExport(job),
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
    });
  }

  async proposeForCatalog(job: CatalogProposalJob): Promise<void> {
    await this.queue.add(JOBS.catalogProposal, job, {
      jobId: jobIds.catalogProposal(job),
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
    });
  }

  async reuseModel(job: ModelReuseJob): Promise<void> {
    await this.queue.add(JOBS.modelReuse, job, { jobId: jobIds.modelReuse(job) });
  }

  async postPicture(job: ThreadPictureJob): Promise<void> {
    await this.queue.add(JOBS.threadPicture, job, { jobId: jobIds.threadPicture(job) });
  }
}
