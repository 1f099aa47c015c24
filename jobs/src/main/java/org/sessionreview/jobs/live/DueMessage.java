package org.sessionreview.jobs.live;

import org.sessionreview.live.LiveMessage;

/**
 * A live message with the device time at which a live bridge would send it.
 *
 * @param dueMillis when the message is due, epoch ms of the recording (not of the replay)
 * @param message the message
 */
public record DueMessage(long dueMillis, LiveMessage message) {}
