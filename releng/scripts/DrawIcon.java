import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Run: java releng/scripts/DrawIcon.java bundles/dev.bgtransfer.app/icons -- draws the bgtransfer icon: a white arrow dropping into a tray on a rounded teal square. */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        for (int size : new int[] { 16, 32, 48, 64, 128 }) {
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 64.0, size / 64.0);
            g.setPaint(new GradientPaint(0, 0, new Color(0x2B, 0x9A, 0xA8), 0, 64, new Color(0x1B, 0x5E, 0x8C)));
            g.fill(new RoundRectangle2D.Double(2, 2, 60, 60, 16, 16));
            g.setColor(Color.WHITE);
            Path2D arrow = new Path2D.Double();
            arrow.moveTo(26, 10); arrow.lineTo(38, 10); arrow.lineTo(38, 28); arrow.lineTo(47, 28);
            arrow.lineTo(32, 43); arrow.lineTo(17, 28); arrow.lineTo(26, 28); arrow.closePath();
            g.fill(arrow);
            g.setStroke(new BasicStroke(5.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D tray = new Path2D.Double();
            tray.moveTo(13, 41); tray.lineTo(13, 52); tray.lineTo(51, 52); tray.lineTo(51, 41);
            g.draw(tray);
            g.dispose();
            ImageIO.write(image, "png", new File(args[0], "bgtransfer" + size + ".png"));
        }
    }
}
