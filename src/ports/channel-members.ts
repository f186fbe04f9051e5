/** Who is in a channel: only its members may change the models of a channel. */
export interface ChannelMembers {
  isMember(channelId: string, userId: string): Promise<boolean>;
}
