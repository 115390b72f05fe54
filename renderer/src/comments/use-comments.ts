/**
 * The comments of one open part and of the whole conference, with the user's name: loaded
 * through the contract, refreshed after every change made here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CommentThread } from '../../../shared/review/comments';
import { api, errorMessage } from '../api';

export interface CommentsState {
  threads: CommentThread[];
  userName: string | null;
  error: string | null;
  setError(e: string | null): void;
  reload(): Promise<void>;
  /** Runs a change through the contract, then reloads; an error is kept for the panel to show. */
  run(change: () => Promise<unknown>): Promise<boolean>;
  setUserName(name: string): Promise<boolean>;
}

export function useComments(handle: string): CommentsState {
  const [threads, setThreads] = useState<CommentThread[]>([]);
  const [userName, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setThreads(await api.listComments({ handle }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [handle]);

  useEffect(() => {
    void reload();
    api.getUserName({}).then(
      (r) => setName(r.userName),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [reload]);

  const run = useCallback(
    async (change: () => Promise<unknown>) => {
      try {
        await change();
        setError(null);
        await reload();
        return true;
      } catch (err) {
        setError(errorMessage(err));
        return false;
      }
    },
    [reload],
  );

  const setUserName = useCallback(async (name: string) => {
    try {
      setName((await api.setUserName({ userName: name })).userName);
      setError(null);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  }, []);

  return { threads, userName, error, setError, reload, run, setUserName };
}

/** A mark to select once its part is open (a comment of another part chosen in the panel). */
let pendingFocus: { partId: string; threadId: string } | null = null;
export const focusWhenOpened = (partId: string, threadId: string): void => {
  pendingFocus = { partId, threadId };
};
export function takePendingFocus(partId: string): string | null {
  if (pendingFocus?.partId !== partId) return null;
  const id = pendingFocus.threadId;
  pendingFocus = null;
  return id;
}
