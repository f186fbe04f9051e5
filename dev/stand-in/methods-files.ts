/**
 * files.getUploadURLExternal / files.completeUploadExternal (what files.uploadV2 calls), and
 * files.info for files people shared.
 */
import { isObject, type JsonObject } from './json';
import { arg, fail, type MethodCall, type MethodHandler } from './method-types';
import { sharedFileJson } from './shared-files';
import { BOT } from './workspace';

function getUploadUrl({ store, args, baseUrl }: MethodCall): JsonObject {
  const filename = arg(args, 'filename');
  const length = Number(arg(args, 'length'));
  if (filename === '' || !Number.isInteger(length) || length < 0) return fail('invalid_arguments');
  const fileId = store.nextId('F');
  store.uploads.push({ fileId, filename, length, bytes: Buffer.alloc(0), completed: false });
  return { ok: true, upload_url: `${baseUrl}/upload/${fileId}`, file_id: fileId };
}

function complete({ store, args }: MethodCall): JsonObject {
  const files = Array.isArray(args.files) ? args.files.filter(isObject) : [];
  if (files.length === 0) return fail('invalid_arguments');
  const channelId = arg(args, 'channel_id');
  if (channelId !== '') {
    const channel = store.channel(channelId);
    if (!channel) return fail('channel_not_found');
    if (!channel.members.includes(BOT.userId)) return fail('not_in_channel');
  }
  const uploads = files.map((file) => store.uploads.find((upload) => upload.fileId === file.id && !upload.completed));
  if (uploads.some((upload) => upload === undefined)) return fail('file_not_found');
  const threadTs = arg(args, 'thread_ts');
  const initialComment = arg(args, 'initial_comment');
  const completed = files.flatMap((file, index) => {
    const upload = uploads[index];
    if (!upload) return [];
    upload.completed = true;
    upload.title = typeof file.title === 'string' ? file.title : upload.filename;
    if (channelId !== '') upload.channel = channelId;
    if (threadTs !== '') upload.threadTs = threadTs;
    if (initialComment !== '') upload.initialComment = initialComment;
    return [{ id: upload.fileId, name: upload.filename, title: upload.title, size: upload.bytes.length }];
  });
  return { ok: true, files: completed };
}

/** A shared file's full object; like Slack, a file the bot cannot see (not in its channel) is not found. */
function info({ store, args, baseUrl }: MethodCall): JsonObject {
  const fileId = arg(args, 'file');
  if (fileId === '') return fail('invalid_arguments');
  const file = store.sharedFiles.find((candidate) => candidate.fileId === fileId);
  if (!file || !store.channel(file.channel)?.members.includes(BOT.userId)) return fail('file_not_found');
  return { ok: true, file: sharedFileJson(baseUrl, store.workspace.teamId, file) };
}

export const fileMethods: Record<string, MethodHandler> = {
  'files.info': info,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': complete,
};
