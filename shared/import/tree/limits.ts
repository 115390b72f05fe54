/** Most lists are a level or two deep; past this, deeper items stay at this depth (with a warning). */
export const MAX_LIST_DEPTH = 8;
