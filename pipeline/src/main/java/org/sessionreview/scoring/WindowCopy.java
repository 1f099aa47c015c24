package org.sessionreview.scoring;

import org.sessionreview.model.WindowFeatures;

/**
 * Field-by-field copy of a {@link WindowFeatures}, so that scoring never mutates its input
 * (Flink may reuse input objects). {@code WindowCopyTest} fails when a field is added to the
 * model and not here.
 */
final class WindowCopy {
    private WindowCopy() {}

    static WindowFeatures of(WindowFeatures w) {
        WindowFeatures c = new WindowFeatures();
        c.sessionId = w.sessionId;
        c.role = w.role;
        c.startS = w.startS;
        c.endS = w.endS;
        c.startMillis = w.startMillis;
        c.edaSclUs = w.edaSclUs;
        c.edaScrPerMin = w.edaScrPerMin;
        c.hrBpm = w.hrBpm;
        c.hrSeBpm = w.hrSeBpm;
        c.irregularRhythm = w.irregularRhythm;
        c.hrvRmssdMs = w.hrvRmssdMs;
        c.edaScrAmplitudeSumUs = w.edaScrAmplitudeSumUs;
        c.hrvSdnnMs = w.hrvSdnnMs;
        c.hrvPnn50 = w.hrvPnn50;
        c.hrvLfMs2 = w.hrvLfMs2;
        c.hrvHfMs2 = w.hrvHfMs2;
        c.hrvLfHf = w.hrvLfHf;
        c.fidgetFreqHz = w.fidgetFreqHz;
        c.motionMagG = w.motionMagG;
        c.fidgetPower = w.fidgetPower;
        c.grossMovementS = w.grossMovementS;
        c.tempSlopeCPerMin = w.tempSlopeCPerMin;
        c.edaQuality = w.edaQuality;
        c.cardiacQuality = w.cardiacQuality;
        c.accQuality = w.accQuality;
        c.tempQuality = w.tempQuality;
        c.zScr = w.zScr;
        c.zScl = w.zScl;
        c.zHr = w.zHr;
        c.zRmssd = w.zRmssd;
        c.zFidget = w.zFidget;
        c.zTemp = w.zTemp;
        c.anxietyIndex = w.anxietyIndex;
        c.exertionRecovery = w.exertionRecovery;
        c.endOfStream = w.endOfStream;
        c.windowCount = w.windowCount;
        c.chunkCount = w.chunkCount;
        c.failed = w.failed;
        c.arrivalMillis = w.arrivalMillis;
        return c;
    }
}
