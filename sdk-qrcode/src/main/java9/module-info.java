/**
 * QR codes as a Java module, in {@code META-INF/versions/9} of a multi-release jar (the classes stay Java 8
 * bytecode; see sdk-core's descriptor). ZXing core has no descriptor of its own: it is read as the automatic
 * module its manifest names.
 */
module org.haochaping.qrcode {
    requires transitive org.haochaping.core;
    requires com.google.zxing;

    exports org.haochaping.qrcode;
    exports org.haochaping.qrcode.render;
}
