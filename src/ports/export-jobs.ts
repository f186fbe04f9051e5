import type { CatalogProposalJob, ModelExportJob, ModelReuseJob, ThreadPictureJob } from './job-payloads';

/** What use cases ask of the export queue (whether exports are set up is a workspace setting); `BullExportJobs` is the adapter. */
export interface ExportJobs {
  exportModel(job: ModelExportJob): Promise<void>;
  postPicture(job: ThreadPictureJob): Promise<void>;
  /** Import an exported model into another as a dependency. */
  reuseModel(job: ModelReuseJob): Promise<void>;
  /** Write a threat or mitigation as a catalog entry on its own branch, for AppSec to review. */
  proposeForCatalog(job: CatalogProposalJob): Promise<void>;
}
