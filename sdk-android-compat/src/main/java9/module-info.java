/**
 * The Android adapters as a Java module, in {@code META-INF/versions/9} of a multi-release jar (the classes stay
 * Java 8 bytecode; see sdk-core's descriptor). Android itself never reads this descriptor; it exists so that a
 * JVM build that puts the whole SDK on the module path resolves. The android.* types it uses come from the device
 * (no module on a JVM), so it requires no module for them: its classes that touch them only run on Android.
 */
module org.haochaping.android {
    requires transitive org.haochaping.core;
    requires transitive org.haochaping.qrcode;

    exports org.haochaping.android;
}
