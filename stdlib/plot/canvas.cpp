// The drawing surface under matplotlib.pyplot (stdlib/embedded/modules/matplotlib*.py): a thin layer
// over cairo that writes PNG, SVG or PDF. Coordinates are pixels of the figure at its dpi, y down; for
// SVG and PDF the surface is in points and scaled by 72/dpi, so the Python side lays out once.
// Arrays of coordinates (polyline, markers) are taken whole, as float64, so a plot of 10^6 points
// costs one call, not 10^6.
#include "stdlib/plot/canvas.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "engine/array/cast.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "stdlib/python/python_modules.hpp"

namespace ramba::stdlib {

namespace {

using namespace interp;

std::string text_of(CallContext& ctx, const Value& value)
{
    if (!value.is(Type::Str))
        throw RambaError(ErrorKind::TypeError, "expected str, got " + std::string(type_name(value)));
    (void)ctx;
    return value.as<StrObject>().value;
}

// A sequence or array of numbers as float64, contiguous.
std::vector<double> doubles(CallContext& ctx, const Value& value)
{
    engine::NDArray array = engine::ascontiguous(numpy::to_array(ctx, value, engine::DType::Float64), engine::DType::Float64);
    const double* data = reinterpret_cast<const double*>(array.data());
    return std::vector<double>(data, data + array.size());
}

struct CanvasObject final : OpaqueObject {
    cairo_surface_t* surface { nullptr };
    cairo_t* cr { nullptr };
    std::string kind; // png, svg, pdf
    std::string path;
    bool saved { false };
    ~CanvasObject() override
    {
        if (cr)
            cairo_destroy(cr);
        if (surface)
            cairo_surface_destroy(surface);
    }
    const TypeInfo& type_info() const override;
};

CanvasObject& canvas(const Value& self) { return static_cast<CanvasObject&>(self.as<OpaqueObject>()); }
cairo_t* cr_of(const Value& self)
{
    auto& c = canvas(self);
    if (!c.cr)
        throw RambaError(ErrorKind::ValueError, "the canvas is already saved");
    return c.cr;
}

void check_status(cairo_t* cr, const std::string& what)
{
    cairo_status_t status = cairo_status(cr);
    if (status != CAIRO_STATUS_SUCCESS)
        throw RambaError(ErrorKind::OSError, what + ": " + cairo_status_to_string(status));
}

// Canvas(kind, path, width_px, height_px, dpi)
Value canvas_new(CallContext& ctx, std::span<Value> a)
{
    auto object = make_object<CanvasObject>();
    object->kind = text_of(ctx, a[0]);
    object->path = text_of(ctx, a[1]);
    double width = to_double(ctx, a[2]), height = to_double(ctx, a[3]), dpi = to_double(ctx, a[4]);
    if (!(width >= 1 && height >= 1 && width < 1e5 && height < 1e5 && dpi > 0))
        throw RambaError(ErrorKind::ValueError, "Image size of " + std::to_string(int64_t(width)) + "x" + std::to_string(int64_t(height))
                + " pixels is too large. It must be less than 2^16 in each direction.");
    double points = 72.0 / dpi;
    if (object->kind == "png") {
        object->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(std::lround(width)), int(std::lround(height)));
    } else if (object->kind == "svg") {
        object->surface = cairo_svg_surface_create(object->path.c_str(), width * points, height * points);
    } else if (object->kind == "pdf") {
        object->surface = cairo_pdf_surface_create(object->path.c_str(), width * points, height * points);
    } else {
        throw RambaError(ErrorKind::ValueError, "Format '" + object->kind + "' is not supported (supported formats: pdf, png, svg)");
    }
    if (cairo_surface_status(object->surface) != CAIRO_STATUS_SUCCESS)
        throw RambaError(ErrorKind::OSError, "cannot create " + object->path + ": " + cairo_status_to_string(cairo_surface_status(object->surface)));
    object->cr = cairo_create(object->surface);
    if (object->kind != "png")
        cairo_scale(object->cr, points, points);
    cairo_select_font_face(object->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    check_status(object->cr, "cannot draw");
    return Value::object(Type::Opaque, Ref<OpaqueObject>(object));
}

Value c_color(CallContext& ctx, std::span<Value> a)
{
    cairo_set_source_rgba(cr_of(a[0]), to_double(ctx, a[1]), to_double(ctx, a[2]), to_double(ctx, a[3]), to_double(ctx, a[4]));
    return Value();
}

// line_style(width, dashes, offset, cap, join): dashes a sequence of on/off lengths (empty: solid).
Value c_line_style(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    cairo_set_line_width(cr, to_double(ctx, a[1]));
    std::vector<double> dashes = a[2].is(Type::None) ? std::vector<double>() : doubles(ctx, a[2]);
    cairo_set_dash(cr, dashes.data(), int(dashes.size()), to_double(ctx, a[3]));
    std::string cap = text_of(ctx, a[4]), join = text_of(ctx, a[5]);
    cairo_set_line_cap(cr, cap == "round" ? CAIRO_LINE_CAP_ROUND : cap == "projecting" ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr, join == "miter" ? CAIRO_LINE_JOIN_MITER : join == "bevel" ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
    return Value();
}

// polyline(xs, ys, closed=False): a path through the points; a NaN or inf starts a new piece.
Value c_polyline(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    std::vector<double> xs = doubles(ctx, a[1]), ys = doubles(ctx, a[2]);
    if (xs.size() != ys.size())
        throw RambaError(ErrorKind::ValueError, "polyline: x and y differ in length");
    bool closed = truthy(ctx, a[3]);
    bool pen_down = false;
    for (size_t i = 0; i < xs.size(); ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) {
            pen_down = false;
            continue;
        }
        if (pen_down)
            cairo_line_to(cr, xs[i], ys[i]);
        else
            cairo_move_to(cr, xs[i], ys[i]);
        pen_down = true;
    }
    if (closed)
        cairo_close_path(cr);
    return Value();
}

Value c_rect(CallContext& ctx, std::span<Value> a)
{
    cairo_rectangle(cr_of(a[0]), to_double(ctx, a[1]), to_double(ctx, a[2]), to_double(ctx, a[3]), to_double(ctx, a[4]));
    return Value();
}

// arc(cx, cy, r, angle1, angle2): radians, clockwise on screen (y down), as cairo draws.
Value c_arc(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    cairo_new_sub_path(cr);
    cairo_arc(cr, to_double(ctx, a[1]), to_double(ctx, a[2]), to_double(ctx, a[3]), to_double(ctx, a[4]), to_double(ctx, a[5]));
    return Value();
}

// round_rect(x, y, w, h, r): a rectangle with corners of radius r, as one closed piece.
Value c_round_rect(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    double x = to_double(ctx, a[1]), y = to_double(ctx, a[2]), w = to_double(ctx, a[3]), h = to_double(ctx, a[4]);
    double r = std::min(to_double(ctx, a[5]), std::min(w, h) / 2);
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
    return Value();
}

Value c_move_to(CallContext& ctx, std::span<Value> a) { cairo_move_to(cr_of(a[0]), to_double(ctx, a[1]), to_double(ctx, a[2])); return Value(); }
Value c_line_to(CallContext& ctx, std::span<Value> a) { cairo_line_to(cr_of(a[0]), to_double(ctx, a[1]), to_double(ctx, a[2])); return Value(); }
Value c_close(CallContext&, std::span<Value> a) { cairo_close_path(cr_of(a[0])); return Value(); }
Value c_translate(CallContext& ctx, std::span<Value> a) { cairo_translate(cr_of(a[0]), to_double(ctx, a[1]), to_double(ctx, a[2])); return Value(); }
Value c_stroke(CallContext&, std::span<Value> a) { cairo_stroke(cr_of(a[0])); return Value(); }
Value c_fill(CallContext& ctx, std::span<Value> a)
{
    if (truthy(ctx, a[1]))
        cairo_fill_preserve(cr_of(a[0]));
    else
        cairo_fill(cr_of(a[0]));
    return Value();
}
Value c_save(CallContext&, std::span<Value> a) { cairo_save(cr_of(a[0])); return Value(); }
Value c_restore(CallContext&, std::span<Value> a) { cairo_restore(cr_of(a[0])); return Value(); }
Value c_clip(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    cairo_new_path(cr);
    cairo_rectangle(cr, to_double(ctx, a[1]), to_double(ctx, a[2]), to_double(ctx, a[3]), to_double(ctx, a[4]));
    cairo_clip(cr);
    return Value();
}

void marker_path(cairo_t* cr, const std::string& shape, double x, double y, double s)
{
    double r = s / 2;
    if (shape == "o" || shape == ".") {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, shape == "." ? r * 0.5 : r, 0, 2 * M_PI);
    } else if (shape == "s") {
        cairo_rectangle(cr, x - r, y - r, s, s);
    } else if (shape == "^" || shape == "v" || shape == "<" || shape == ">") {
        double dx[3] = { 0, -r, r }, dy[3] = { -r, r, r };
        for (int k = 0; k < 3; ++k) {
            double px = dx[k], py = dy[k];
            if (shape == "v") py = -py;
            if (shape == "<") { std::swap(px, py); }
            if (shape == ">") { std::swap(px, py); px = -px; }
            if (k == 0) cairo_move_to(cr, x + px, y + py); else cairo_line_to(cr, x + px, y + py);
        }
        cairo_close_path(cr);
    } else if (shape == "D" || shape == "d") {
        double w = shape == "d" ? r * 0.6 : r;
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + w, y);
        cairo_line_to(cr, x, y + r);
        cairo_line_to(cr, x - w, y);
        cairo_close_path(cr);
    } else if (shape == "+") {
        cairo_move_to(cr, x - r, y); cairo_line_to(cr, x + r, y);
        cairo_move_to(cr, x, y - r); cairo_line_to(cr, x, y + r);
    } else if (shape == "x") {
        cairo_move_to(cr, x - r, y - r); cairo_line_to(cr, x + r, y + r);
        cairo_move_to(cr, x - r, y + r); cairo_line_to(cr, x + r, y - r);
    } else if (shape == "*" || shape == "p" || shape == "h") {
        int points = shape == "*" ? 5 : shape == "p" ? 5 : 6;
        bool star = shape == "*";
        int corners = star ? 2 * points : points;
        for (int k = 0; k < corners; ++k) {
            double angle = -M_PI / 2 + k * 2 * M_PI / corners;
            double radius = star && k % 2 ? r * 0.381966 : r;
            double px = x + radius * std::cos(angle), py = y + radius * std::sin(angle);
            if (k == 0) cairo_move_to(cr, px, py); else cairo_line_to(cr, px, py);
        }
        cairo_close_path(cr);
    } else if (shape == "|") {
        cairo_move_to(cr, x, y - r); cairo_line_to(cr, x, y + r);
    } else if (shape == "_") {
        cairo_move_to(cr, x - r, y); cairo_line_to(cr, x + r, y);
    } else { // ',' a pixel
        cairo_rectangle(cr, x - 0.5, y - 0.5, 1, 1);
    }
}

// markers(xs, ys, shape, sizes, faces, edges, edge_width): sizes one or per point (pixels across);
// faces and edges None, one RGBA or one RGBA per point (an (n, 4) array).
Value c_markers(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    std::vector<double> xs = doubles(ctx, a[1]), ys = doubles(ctx, a[2]);
    std::string shape = text_of(ctx, a[3]);
    std::vector<double> sizes = doubles(ctx, a[4]);
    std::vector<double> faces = a[5].is(Type::None) ? std::vector<double>() : doubles(ctx, a[5]);
    std::vector<double> edges = a[6].is(Type::None) ? std::vector<double>() : doubles(ctx, a[6]);
    double edge_width = to_double(ctx, a[7]);
    size_t n = std::min(xs.size(), ys.size());
    if (sizes.empty())
        return Value();
    auto rgba = [&](const std::vector<double>& colors, size_t i) {
        size_t k = colors.size() == 4 ? 0 : (i % (colors.size() / 4)) * 4;
        cairo_set_source_rgba(cr, colors[k], colors[k + 1], colors[k + 2], colors[k + 3]);
    };
    bool line_only = shape == "+" || shape == "x" || shape == "|" || shape == "_";
    cairo_set_line_width(cr, edge_width);
    cairo_set_dash(cr, nullptr, 0, 0);
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]))
            continue;
        double size = sizes[sizes.size() == 1 ? 0 : i % sizes.size()];
        cairo_new_path(cr);
        marker_path(cr, shape, xs[i], ys[i], size);
        if (!faces.empty() && !line_only) {
            rgba(faces, i);
            edges.empty() ? cairo_fill(cr) : cairo_fill_preserve(cr);
        }
        if (!edges.empty() && edge_width > 0) {
            rgba(edges, i);
            cairo_stroke(cr);
        } else if (line_only && !faces.empty()) {
            rgba(faces, i);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
    }
    return Value();
}

// As matplotlib's Agg renders text: advances unhinted (it hints at 8 times the horizontal resolution
// and scales back), outlines hinted vertically only, grey anti-aliasing.
void set_font(cairo_t* cr, double size, const std::string& weight)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, weight == "bold" ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
}

// measure(text, size, weight) -> (width, ascent, descent): the advance width and the ink above and
// below the baseline, in pixels.
Value c_measure(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    std::string text = text_of(ctx, a[1]);
    set_font(cr, to_double(ctx, a[2]), text_of(ctx, a[3]));
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text.c_str(), &extents);
    double ascent = -extents.y_bearing;
    double descent = extents.height + extents.y_bearing;
    return make_tuple({ Value::floating(extents.x_advance), Value::floating(ascent), Value::floating(descent) });
}

// text(x, y, text, size, weight, rotation_degrees): the baseline's start at (x, y), turned
// counter-clockwise about it.
Value c_text(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    double x = to_double(ctx, a[1]), y = to_double(ctx, a[2]);
    std::string text = text_of(ctx, a[3]);
    set_font(cr, to_double(ctx, a[4]), text_of(ctx, a[5]));
    double rotation = to_double(ctx, a[6]);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_rotate(cr, -rotation * M_PI / 180.0);
    cairo_move_to(cr, 0, 0);
    cairo_show_text(cr, text.c_str());
    cairo_restore(cr);
    cairo_new_path(cr);
    return Value();
}

// image(x, y, width, height, rgba, smooth): an (h, w, 4) array of uint8 drawn into the rectangle,
// nearest-neighbour unless smooth.
Value c_image(CallContext& ctx, std::span<Value> a)
{
    cairo_t* cr = cr_of(a[0]);
    double x = to_double(ctx, a[1]), y = to_double(ctx, a[2]), w = to_double(ctx, a[3]), h = to_double(ctx, a[4]);
    engine::NDArray pixels = engine::ascontiguous(numpy::to_array(ctx, a[5], engine::DType::UInt8), engine::DType::UInt8);
    bool smooth = truthy(ctx, a[6]);
    if (pixels.ndim() != 3 || pixels.shape[2] != 4 || pixels.shape[0] < 1 || pixels.shape[1] < 1)
        throw RambaError(ErrorKind::ValueError, "image: an (h, w, 4) array of uint8 is needed");
    int rows = int(pixels.shape[0]), columns = int(pixels.shape[1]);
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, columns, rows);
    unsigned char* out = cairo_image_surface_get_data(image);
    int stride = cairo_image_surface_get_stride(image);
    const uint8_t* in = reinterpret_cast<const uint8_t*>(pixels.data());
    cairo_surface_flush(image);
    for (int r = 0; r < rows; ++r) {
        uint32_t* line = reinterpret_cast<uint32_t*>(out + size_t(r) * stride);
        for (int c = 0; c < columns; ++c) {
            const uint8_t* p = in + (size_t(r) * columns + c) * 4;
            uint32_t alpha = p[3];
            auto premultiply = [&](uint32_t v) { return (v * alpha + 127) / 255; };
            line[c] = alpha << 24 | premultiply(p[0]) << 16 | premultiply(p[1]) << 8 | premultiply(p[2]);
        }
    }
    cairo_surface_mark_dirty(image);
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / columns, h / rows);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST);
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(image);
    return Value();
}

// save(): writes the file (PNG) or finishes it (SVG, PDF); the canvas cannot draw after.
Value c_save_file(CallContext&, std::span<Value> a)
{
    auto& c = canvas(a[0]);
    if (!c.cr)
        return Value();
    check_status(c.cr, "cannot draw " + c.path);
    cairo_surface_flush(c.surface);
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    if (c.kind == "png")
        status = cairo_surface_write_to_png(c.surface, c.path.c_str());
    cairo_destroy(c.cr);
    c.cr = nullptr;
    cairo_surface_finish(c.surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(c.surface);
    cairo_surface_destroy(c.surface);
    c.surface = nullptr;
    if (status != CAIRO_STATUS_SUCCESS) {
        std::string why = status == CAIRO_STATUS_WRITE_ERROR ? std::string("[Errno 2] No such file or directory: '") + c.path + "'"
                                                             : cairo_status_to_string(status);
        throw RambaError(ErrorKind::FileNotFoundError, why);
    }
    return Value();
}

constexpr BuiltinSpec canvas_methods[] = {
    { "color", "(self, r, g, b, a=1.0)", c_color, "Sets the colour of what is drawn next." },
    { "line_style", "(self, width, dashes=None, offset=0.0, cap='butt', join='round')", c_line_style, "Sets the line width, dash pattern, cap and join." },
    { "polyline", "(self, xs, ys, closed=False)", c_polyline, "Adds a path through the points (NaN breaks it)." },
    { "rect", "(self, x, y, width, height)", c_rect, "Adds a rectangle to the path." },
    { "arc", "(self, cx, cy, r, angle1, angle2)", c_arc, "Adds an arc to the path." },
    { "round_rect", "(self, x, y, width, height, radius)", c_round_rect, "Adds a rectangle with rounded corners to the path." },
    { "move_to", "(self, x, y)", c_move_to, "Starts a new piece of the path." },
    { "line_to", "(self, x, y)", c_line_to, "Adds a line to the path." },
    { "close", "(self)", c_close, "Closes the current piece of the path." },
    { "translate", "(self, dx, dy)", c_translate, "Moves the origin of what is drawn next." },
    { "stroke", "(self)", c_stroke, "Draws the path's outline and clears it." },
    { "fill", "(self, preserve=False)", c_fill, "Fills the path (and clears it unless preserve)." },
    { "save_state", "(self)", c_save, "Pushes the drawing state." },
    { "restore_state", "(self)", c_restore, "Pops the drawing state." },
    { "clip", "(self, x, y, width, height)", c_clip, "Limits drawing to the rectangle (until restore_state)." },
    { "markers", "(self, xs, ys, shape, sizes, faces, edges, edge_width)", c_markers, "Draws a marker at every point." },
    { "measure", "(self, text, size, weight='normal')", c_measure, "The advance width, ascent and descent of a text." },
    { "text", "(self, x, y, text, size, weight='normal', rotation=0.0)", c_text, "Draws a text from its baseline's start." },
    { "image", "(self, x, y, width, height, rgba, smooth=False)", c_image, "Draws an (h, w, 4) uint8 image into a rectangle." },
    { "save", "(self)", c_save_file, "Writes the file." },
};

const TypeInfo& CanvasObject::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "_ramba_canvas.Canvas";
        t.methods = canvas_methods;
        return t;
    }();
    return info;
}

constexpr BuiltinSpec rows[] = {
    { "Canvas", "(kind, path, width, height, dpi)", canvas_new, "A drawing surface writing a PNG, SVG or PDF file." },
};

} // namespace

interp::Ref<interp::ModuleObject> make_canvas_module()
{
    return python::module_of_rows("_ramba_canvas", rows);
}

} // namespace ramba::stdlib
