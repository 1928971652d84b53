/** Who the agent is acting for in this turn. Built by the server from the session and the database, never from the model. */
export type ToolContext = {
  familyId: string;
  childId: string;
  childName: string;
  chatId: string;
  /** The child's own last message, quoted on approval cards. */
  childWords: string;
};
