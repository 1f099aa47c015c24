package org.sessionreview.model;

/**
 * A wearable channel as exported by an Empatica E4 (see {@code ../shared/data/README.md}).
 *
 * <ul>
 *   <li>EDA: skin conductance, microsiemens (uS), 4 Hz
 *   <li>BVP: blood volume pulse, arbitrary units, 64 Hz
 *   <li>ACC: acceleration, 3 axes, 1/64 g, 32 Hz (width 3)
 *   <li>TEMP: peripheral skin temperature, degrees C, 4 Hz
 *   <li>HR: device-averaged heart rate, beats per minute, 1 Hz
 *   <li>IBI: inter-beat intervals in seconds at irregular beat times
 * </ul>
 */
public enum Channel {
    EDA("EDA.csv", 1),
    BVP("BVP.csv", 1),
    ACC("ACC.csv", 3),
    TEMP("TEMP.csv", 1),
    HR("HR.csv", 1),
    IBI("IBI.csv", 1);

    private final String fileName;
    private final int width;

    Channel(String fileName, int width) {
        this.fileName = fileName;
        this.width = width;
    }

    /** The E4 export file name, e.g. {@code EDA.csv} (a {@code .gz} variant is also accepted). */
    public String fileName() {
        return fileName;
    }

    /** Values per sample: 3 for ACC (x, y, z), 1 otherwise. */
    public int width() {
        return width;
    }
}
