import { createContext, useContext } from 'react';

/** What the toolbar's Comment button asks of the comments area around the editor. */
export interface CommentsActions {
  startComment(): void;
  canComment: boolean;
}

export const CommentsContext = createContext<CommentsActions | null>(null);
export const useCommentsActions = (): CommentsActions | null => useContext(CommentsContext);
